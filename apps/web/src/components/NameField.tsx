import { TextField } from './TextField.tsx'

interface NameFieldProps {
  value: string
  onChange: (name: string) => void
  error?: string
  hint?: string
  disabled?: boolean
}

/** The required "Name" of whatever an add / edit form makes: a gateway, a channel, a rule. */
export function NameField({ value, onChange, error, hint, disabled }: NameFieldProps) {
  return (
    <TextField
      label="Name"
      name="name"
      autoComplete="off"
      required
      disabled={disabled}
      hint={hint}
      error={error}
      value={value}
      onChange={(event) => onChange(event.target.value)}
    />
  )
}
