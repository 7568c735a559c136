import { type FormEvent, type ReactNode, useId } from 'react'
import { Alert } from './Alert.tsx'
import { Button } from './Button.tsx'
import { Dialog } from './Dialog.tsx'
import { DialogActions } from './DialogActions.tsx'

interface FormDialogProps {
  title: string
  description?: ReactNode
  /** The submit button's label ("Save changes") and its label while the request runs ("Saving…"). */
  submitLabel: string
  pendingLabel: string
  pending: boolean
  onSubmit: () => void
  /** Cancel, Escape or the backdrop; they wait while the request runs. */
  onCancel: () => void
  /** A message for the whole form (conflict, network…); field messages go under the fields. */
  error?: string | null
  className?: string
  children: ReactNode
}

/** A form in a modal: its fields, a message for the whole form, and Cancel / submit at the bottom. */
export function FormDialog({
  title,
  description,
  submitLabel,
  pendingLabel,
  pending,
  onSubmit,
  onCancel,
  error,
  className,
  children,
}: FormDialogProps) {
  const formId = useId()
  const submit = (event: FormEvent) => {
    event.preventDefault()
    onSubmit()
  }
  return (
    <Dialog
      title={title}
      description={description}
      className={className}
      busy={pending}
      onDismiss={onCancel}
      footer={
        <DialogActions onCancel={onCancel} pending={pending}>
          <Button type="submit" form={formId} variant="primary" disabled={pending}>
            {pending ? pendingLabel : submitLabel}
          </Button>
        </DialogActions>
      }
    >
      <form id={formId} onSubmit={submit} aria-label={title} className="space-y-3">
        {children}
        {error && <Alert>{error}</Alert>}
      </form>
    </Dialog>
  )
}
