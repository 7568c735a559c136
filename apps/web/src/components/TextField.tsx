import type { ComponentProps } from 'react'
import { FormField } from './FormField.tsx'
import { Input } from './Input.tsx'

type TextFieldProps = Omit<ComponentProps<typeof Input>, 'id'> & {
  label: string
  error?: string
  hint?: string
  /** Classes of the field's wrapper (width in a row of fields); `className` styles the input. */
  fieldClassName?: string
}

/** A labelled text input with its inline message: the common case of FormField. */
export function TextField({ label, error, hint, fieldClassName, ...input }: TextFieldProps) {
  return (
    <FormField label={label} error={error} hint={hint} className={fieldClassName}>
      {(control) => <Input {...control} {...input} />}
    </FormField>
  )
}
