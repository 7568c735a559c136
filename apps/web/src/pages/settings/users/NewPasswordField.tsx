import { PASSWORD_MIN_LENGTH } from '@mc/shared'
import { TextField } from '../../../components/TextField.tsx'

interface NewPasswordFieldProps {
  label: string
  name: string
  value: string
  onChange: (password: string) => void
  error?: string
}

/** A password being set for someone, with the API's length rule as its hint. */
export function NewPasswordField({ label, name, value, onChange, error }: NewPasswordFieldProps) {
  return (
    <TextField
      label={label}
      name={name}
      type="password"
      autoComplete="new-password"
      required
      error={error}
      hint={`At least ${PASSWORD_MIN_LENGTH} characters`}
      value={value}
      onChange={(event) => onChange(event.target.value)}
    />
  )
}
