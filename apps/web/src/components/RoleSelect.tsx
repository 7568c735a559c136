import { ROLES, type Role, roleSchema } from '@mc/shared'
import type { ComponentProps } from 'react'
import { Select } from './Input.tsx'

type RoleSelectProps = Omit<ComponentProps<typeof Select>, 'value' | 'onChange'> & {
  value: Role
  onChange: (role: Role) => void
}

/** viewer / operator / admin, least privileged first. */
export function RoleSelect({ value, onChange, ...props }: RoleSelectProps) {
  return (
    <Select value={value} onChange={(event) => onChange(roleSchema.parse(event.target.value))} {...props}>
      {ROLES.map((role) => (
        <option key={role} value={role}>
          {role}
        </option>
      ))}
    </Select>
  )
}
