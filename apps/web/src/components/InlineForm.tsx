import type { FormEvent, ReactNode } from 'react'
import { cx } from '../lib/class-names.ts'
import { Alert } from './Alert.tsx'
import { Button } from './Button.tsx'

interface InlineFormProps {
  /** The form's accessible name, also its submit button's label: "Add user". */
  label: string
  /** The small heading in the box: "Add a user". */
  title: string
  /** Tailwind grid columns for the fields and the button on wide screens. */
  columns: string
  onSubmit: () => void
  pending: boolean
  /** The submit button's label while pending: "Adding…". */
  pendingLabel: string
  /** A message for the whole form (conflict, network…); field messages go under the fields. */
  error: string | null
  children: ReactNode
}

/** A create form in a quiet box above a list: fields in a row, the action at the end, errors below. */
export function InlineForm({
  label,
  title,
  columns,
  onSubmit,
  pending,
  pendingLabel,
  error,
  children,
}: InlineFormProps) {
  const submit = (event: FormEvent) => {
    event.preventDefault()
    onSubmit()
  }
  return (
    <form onSubmit={submit} aria-label={label} className="space-y-3 rounded-md border bg-background/40 p-3">
      <h3 className="font-medium text-xs">{title}</h3>
      <div className={cx('grid items-start gap-3', columns)}>
        {children}
        <Button type="submit" variant="primary" className="sm:mt-5" disabled={pending}>
          {pending ? pendingLabel : label}
        </Button>
      </div>
      {error && <Alert>{error}</Alert>}
    </form>
  )
}
