import { type ReactNode, useId } from 'react'
import { cx } from '../lib/class-names.ts'

/** What a field's control needs to be labelled and to point at its message. */
export interface ControlProps {
  id: string
  'aria-invalid': true | undefined
  'aria-describedby': string | undefined
}

interface FormFieldProps {
  label: string
  /** The API's (or the form's) complaint about this field. */
  error?: string
  /** Quiet help under the control, replaced by the error when there is one. */
  hint?: string
  className?: string
  children: (control: ControlProps) => ReactNode
}

/** Label, control and its inline message, wired together for screen readers. */
export function FormField({ label, error, hint, className, children }: FormFieldProps) {
  const id = useId()
  const messageId = `${id}-message`
  const message = error ?? hint
  return (
    <div className={cx('space-y-1', className)}>
      <label htmlFor={id} className="block font-medium text-muted-foreground text-xs">
        {label}
      </label>
      {children({
        id,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': message ? messageId : undefined,
      })}
      {message && (
        <p id={messageId} className={cx('text-xs', error ? 'text-red-400' : 'text-muted-foreground')}>
          {message}
        </p>
      )}
    </div>
  )
}
