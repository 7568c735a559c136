import type { User } from '@mc/shared'
import { useState } from 'react'
import { useMe } from '../../../api/auth.ts'
import { useUpdateUser, useUsers } from '../../../api/users.ts'
import { Alert } from '../../../components/Alert.tsx'
import { ConfirmDialog } from '../../../components/ConfirmDialog.tsx'
import { EmptyState } from '../../../components/EmptyState.tsx'
import { Panel } from '../../../components/Panel.tsx'
import { QueryView } from '../../../components/QueryView.tsx'
import { UsersIcon } from '../../../layout/icons.tsx'
import { errorMessage } from '../../../lib/error-message.ts'
import { useConfirmation } from '../../../lib/use-confirmation.ts'
import { AddUserForm } from './AddUserForm.tsx'
import { ResetPasswordDialog } from './ResetPasswordDialog.tsx'
import { UsersTable } from './UsersTable.tsx'

/** Settings → Users (admin): who can sign in, with which role; add, change role, disable, reset password. */
export function UsersPanel() {
  const users = useUsers()
  const currentUserId = useMe().data?.user?.id ?? null
  const rowUpdate = useUpdateUser()
  const disable = useUpdateUser()
  const disabling = useConfirmation<User>(disable.reset)
  const [resetting, setResetting] = useState<User | null>(null)
  const [notice, setNotice] = useState<string | null>(null)

  const nameOf = (id: number | undefined) =>
    users.data?.users.find((user) => user.id === id)?.username ?? 'the user'

  return (
    <Panel
      id="users-heading"
      title="Users"
      description="Who can sign in, and with which role: viewers look, operators also act, admins also manage access"
    >
      <AddUserForm onAdded={(user) => setNotice(`Added ${user.username} as ${user.role}.`)} />
      {rowUpdate.isError && (
        <Alert onDismiss={rowUpdate.reset}>
          Could not update {nameOf(rowUpdate.variables?.id)}: {errorMessage(rowUpdate.error)}
        </Alert>
      )}
      {notice && (
        <Alert tone="success" onDismiss={() => setNotice(null)}>
          {notice}
        </Alert>
      )}
      <QueryView
        query={users}
        errorTitle="Could not load users"
        isEmpty={(data) => data.users.length === 0}
        empty={<EmptyState icon={<UsersIcon />} title="No users" description="Add the first one above." />}
      >
        {(data) => (
          <UsersTable
            users={data.users}
            currentUserId={currentUserId}
            pendingId={rowUpdate.isPending ? (rowUpdate.variables?.id ?? null) : null}
            onChangeRole={(user, role) => rowUpdate.mutate({ id: user.id, body: { role } })}
            onEnable={(user) => rowUpdate.mutate({ id: user.id, body: { disabled: false } })}
            onDisable={disabling.ask}
            onResetPassword={setResetting}
          />
        )}
      </QueryView>

      {disabling.target && (
        <ConfirmDialog
          title={`Disable ${disabling.target.username}?`}
          description={
            <>
              <strong className="text-foreground">{disabling.target.username}</strong> will no longer be able
              to sign in, and is signed out everywhere. You can enable them again later.
            </>
          }
          confirmLabel="Disable user"
          pending={disable.isPending}
          error={disable.error}
          onCancel={disabling.close}
          onConfirm={() =>
            disabling.target &&
            disable.mutate(
              { id: disabling.target.id, body: { disabled: true } },
              { onSuccess: disabling.close },
            )
          }
        />
      )}
      {resetting && (
        <ResetPasswordDialog
          user={resetting}
          onCancel={() => setResetting(null)}
          onDone={() => {
            setNotice(`The password of ${resetting.username} was reset.`)
            setResetting(null)
          }}
        />
      )}
    </Panel>
  )
}
