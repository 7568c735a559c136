import type { Role } from '@mc/shared'
import { useState } from 'react'
import { type CreatedApiKey, useCreateApiKey } from '../../../api/api-keys.ts'
import { InlineForm } from '../../../components/InlineForm.tsx'
import { RoleField } from '../../../components/RoleField.tsx'
import { TextField } from '../../../components/TextField.tsx'
import { errorMessage } from '../../../lib/error-message.ts'
import { formErrors } from '../../../lib/form-errors.ts'

const FIELDS = ['name', 'role'] as const
const DEFAULT_ROLE: Role = 'operator'

/** A name to recognise the key by and its role (operator unless chosen otherwise). */
export function CreateApiKeyForm({ onCreated }: { onCreated: (created: CreatedApiKey) => void }) {
  const create = useCreateApiKey(onCreated)
  const [name, setName] = useState('')
  const [role, setRole] = useState<Role>(DEFAULT_ROLE)
  const errors = formErrors(create.error, FIELDS, errorMessage)

  const submit = () =>
    create.mutate(
      { name: name.trim(), role },
      {
        onSuccess: () => {
          setName('')
          setRole(DEFAULT_ROLE)
          create.reset()
        },
      },
    )

  return (
    <InlineForm
      label="Create key"
      title="Create a key"
      columns="sm:grid-cols-[1fr_8rem_auto]"
      onSubmit={submit}
      pending={create.isPending}
      pendingLabel="Creating…"
      error={errors.form}
    >
      <TextField
        label="Name"
        name="name"
        autoComplete="off"
        required
        error={errors.fields.name}
        hint="What uses it, e.g. “ci-deploy” or “claude-code on build-01”"
        value={name}
        onChange={(event) => setName(event.target.value)}
      />
      <RoleField value={role} onChange={setRole} error={errors.fields.role} />
    </InlineForm>
  )
}
