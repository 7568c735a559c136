import type { User } from '@mc/shared'
import { useState } from 'react'
import { useUpdateUser } from '../../../api/users.ts'
import { FormDialog } from '../../../components/FormDialog.tsx'
import { errorMessage } from '../../../lib/error-message.ts'
import { formErrors } from '../../../lib/form-errors.ts'
import { NewPasswordField } from './NewPasswordField.tsx'

interface ResetPasswordDialogProps {
  user: User
  onCancel: () => void
  onDone: () => void
}

/** An admin sets a new password for someone; the API's rules show under the field. */
export function ResetPasswordDialog({ user, onCancel, onDone }: ResetPasswordDialogProps) {
  const update = useUpdateUser()
  const [password, setPassword] = useState('')
  const errors = formErrors(update.error, ['password'], errorMessage)

  return (
    <FormDialog
      title={`Reset the password of ${user.username}`}
      description="Choose a new password and pass it on to them safely. Their old password stops working."
      submitLabel="Reset password"
      pendingLabel="Saving…"
      pending={update.isPending}
      onSubmit={() => update.mutate({ id: user.id, body: { password } }, { onSuccess: onDone })}
      onCancel={onCancel}
      error={errors.form}
    >
      <NewPasswordField
        label="New password"
        name="new-password"
        value={password}
        onChange={setPassword}
        error={errors.fields.password}
      />
    </FormDialog>
  )
}
