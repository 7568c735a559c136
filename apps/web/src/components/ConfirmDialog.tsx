import type { ReactNode } from 'react'
import { errorMessage } from '../lib/error-message.ts'
import { Alert } from './Alert.tsx'
import { Button } from './Button.tsx'
import { Dialog } from './Dialog.tsx'
import { DialogActions } from './DialogActions.tsx'

interface ConfirmDialogProps {
  title: string
  /** What will happen, in a sentence or two. */
  description: ReactNode
  /** The confirming button's label: say the action ("Revoke key"), not "OK". */
  confirmLabel: string
  onConfirm: () => void
  onCancel: () => void
  /** The action is running: the buttons wait. */
  pending?: boolean
  /** The action failed: shown in the dialog, which stays open to try again or cancel. */
  error?: unknown
  /** Red confirm button for actions that take something away. */
  destructive?: boolean
}

/**
 * "Are you sure?" as an accessible alert dialog: focus starts on Cancel, Escape cancels, and the
 * confirming button names the action.
 */
export function ConfirmDialog({
  title,
  description,
  confirmLabel,
  onConfirm,
  onCancel,
  pending = false,
  error,
  destructive = true,
}: ConfirmDialogProps) {
  return (
    <Dialog
      role="alertdialog"
      title={title}
      description={description}
      busy={pending}
      onDismiss={onCancel}
      footer={
        <DialogActions onCancel={onCancel} pending={pending}>
          <Button variant={destructive ? 'danger' : 'primary'} onClick={onConfirm} disabled={pending}>
            {pending ? 'Working…' : confirmLabel}
          </Button>
        </DialogActions>
      }
    >
      {error ? <Alert>{errorMessage(error)}</Alert> : null}
    </Dialog>
  )
}
