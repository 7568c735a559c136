import { type ComponentProps, useId } from 'react'
import { cx } from '../lib/class-names.ts'

type CheckboxFieldProps = Omit<ComponentProps<'input'>, 'type' | 'id' | 'onChange'> & {
  label: string
  /** Quiet help next to the label, replaced by the error when there is one. */
  hint?: string
  error?: string
  onChange: (checked: boolean) => void
  fieldClassName?: string
}

/** A checkbox with its label and an optional line of help or the API's complaint. */
export function CheckboxField({
  label,
  hint,
  error,
  onChange,
  fieldClassName,
  ...input
}: CheckboxFieldProps) {
  const id = useId()
  const message = error ?? hint
  return (
    <div className={cx('flex items-start gap-2', fieldClassName)}>
      <input
        id={id}
        type="checkbox"
        className="mt-0.5 size-3.5 shrink-0 accent-primary disabled:opacity-50"
        aria-invalid={error ? true : undefined}
        aria-describedby={message ? `${id}-message` : undefined}
        onChange={(event) => onChange(event.target.checked)}
        {...input}
      />
      <div className="text-xs leading-snug">
        <label htmlFor={id} className="font-medium">
          {label}
        </label>
        {message && (
          <p id={`${id}-message`} className={error ? 'text-red-400' : 'text-muted-foreground'}>
            {message}
          </p>
        )}
      </div>
    </div>
  )
}
