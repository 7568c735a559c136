import type { User } from '@mc/shared'
import { type FormEvent, useId, useState } from 'react'
import { useUpdateUser } from '../../../api/users.ts'
import { Alert } from '../../../components/Alert.tsx'
import { Button } from '../../../components/Button.tsx'
import { Dialog } from '../../../components/Dialog.tsx'
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
  const formId = useId()
  const errors = formErrors(update.error, ['password'], errorMessage)

  const submit = (event: FormEvent) => {
    event.preventDefault()
    update.mutate({ id: user.id, body: { password } }, { onSuccess: onDone })
  }

  return (
    <Dialog
      title={`Reset the password of ${user.username}`}
      description="Choose a new password and pass it on to them safely. Their old password stops working."
      onDismiss={() => {
        if (!update.isPending) onCancel()
      }}
      footer={
        <>
          <Button onClick={onCancel} disabled={update.isPending}>
            Cancel
          </Button>
          <Button type="submit" form={formId} variant="primary" disabled={update.isPending}>
            {update.isPending ? 'Saving…' : 'Reset password'}
          </Button>
        </>
      }
    >
      <form id={formId} onSubmit={submit} className="space-y-3">
        <NewPasswordField
          label="New password"
          name="new-password"
          value={password}
          onChange={setPassword}
          error={errors.fields.password}
        />
        {errors.form && <Alert>{errors.form}</Alert>}
      </form>
    </Dialog>
  )
}
