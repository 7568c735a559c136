import type { Role } from '@mc/shared'
import { FormField } from './FormField.tsx'
import { RoleSelect } from './RoleSelect.tsx'

interface RoleFieldProps {
  value: Role
  onChange: (role: Role) => void
  error?: string
}

/** "Role" with its select, for forms that give a user or a key a role. */
export function RoleField({ value, onChange, error }: RoleFieldProps) {
  return (
    <FormField label="Role" error={error}>
      {(control) => (
        <RoleSelect {...control} name="role" className="w-full" value={value} onChange={onChange} />
      )}
    </FormField>
  )
}
