import type { ComponentProps } from 'react'
import { FormField } from './FormField.tsx'
import { Select } from './Input.tsx'

/** One choice of a SelectField: the value sent and, when it differs, what the list shows. */
export interface SelectOption {
  value: string
  label?: string
}

type SelectFieldProps = Omit<ComponentProps<typeof Select>, 'id' | 'children'> & {
  label: string
  error?: string
  hint?: string
  options: readonly SelectOption[]
}

/** A labelled full-width select with its inline message: TextField's counterpart for choices. */
export function SelectField({ label, error, hint, options, ...select }: SelectFieldProps) {
  return (
    <FormField label={label} error={error} hint={hint}>
      {(control) => (
        <Select {...control} className="w-full" {...select}>
          {options.map(({ value, label: shown }) => (
            <option key={value} value={value}>
              {shown ?? value}
            </option>
          ))}
        </Select>
      )}
    </FormField>
  )
}
