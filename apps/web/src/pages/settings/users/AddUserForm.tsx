import type { Role, User } from '@mc/shared'
import { useState } from 'react'
import { useCreateUser } from '../../../api/users.ts'
import { InlineForm } from '../../../components/InlineForm.tsx'
import { RoleField } from '../../../components/RoleField.tsx'
import { TextField } from '../../../components/TextField.tsx'
import { errorMessage } from '../../../lib/error-message.ts'
import { formErrors } from '../../../lib/form-errors.ts'
import { NewPasswordField } from './NewPasswordField.tsx'

const FIELDS = ['username', 'password', 'role'] as const
const DEFAULT_ROLE: Role = 'viewer'

/** Username, first password and role; the API's complaints appear under the fields they are about. */
export function AddUserForm({ onAdded }: { onAdded: (user: User) => void }) {
  const create = useCreateUser()
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const [role, setRole] = useState<Role>(DEFAULT_ROLE)
  const errors = formErrors(create.error, FIELDS, errorMessage)

  const submit = () =>
    create.mutate(
      { username: username.trim(), password, role },
      {
        onSuccess: ({ user }) => {
          setUsername('')
          setPassword('')
          setRole(DEFAULT_ROLE)
          create.reset()
          onAdded(user)
        },
      },
    )

  return (
    <InlineForm
      label="Add user"
      title="Add a user"
      columns="sm:grid-cols-[1fr_1fr_8rem_auto]"
      onSubmit={submit}
      pending={create.isPending}
      pendingLabel="Adding…"
      error={errors.form}
    >
      <TextField
        label="Username"
        name="username"
        autoComplete="off"
        spellCheck={false}
        required
        error={errors.fields.username}
        value={username}
        onChange={(event) => setUsername(event.target.value)}
      />
      <NewPasswordField
        label="Password"
        name="password"
        value={password}
        onChange={setPassword}
        error={errors.fields.password}
      />
      <RoleField value={role} onChange={setRole} error={errors.fields.role} />
    </InlineForm>
  )
}
