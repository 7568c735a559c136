import type { Role, User } from '@mc/shared'
import { Badge } from '../../../components/Badge.tsx'
import { Button } from '../../../components/Button.tsx'
import { RoleBadge } from '../../../components/RoleBadge.tsx'
import { RoleSelect } from '../../../components/RoleSelect.tsx'
import { Table, TableHead, Td, Tr } from '../../../components/Table.tsx'
import { TimeCell } from '../../../components/TimeCell.tsx'
import { useNowSeconds } from '../../../lib/use-now.ts'

interface UsersTableProps {
  users: User[]
  /** The signed-in user's row is marked "you". */
  currentUserId: number | null
  /** The row whose change is on its way: its controls wait. */
  pendingId: number | null
  onChangeRole: (user: User, role: Role) => void
  onEnable: (user: User) => void
  onDisable: (user: User) => void
  onResetPassword: (user: User) => void
}

export function UsersTable({
  users,
  currentUserId,
  pendingId,
  onChangeRole,
  onEnable,
  onDisable,
  onResetPassword,
}: UsersTableProps) {
  const now = useNowSeconds()
  return (
    <Table aria-label="Users">
      <TableHead
        columns={[
          'Username',
          'Role',
          'Status',
          'Last login',
          'Created',
          { label: 'Actions', className: 'text-right' },
        ]}
      />
      <tbody>
        {users.map((user) => {
          const pending = pendingId === user.id
          return (
            <Tr key={user.id} data-user={user.username} data-disabled={user.disabled}>
              <Td className="font-medium text-sm">
                <span className={user.disabled ? 'text-muted-foreground line-through' : undefined}>
                  {user.username}
                </span>
                {user.id === currentUserId && (
                  <span className="ml-2 text-2xs text-muted-foreground uppercase tracking-wide">you</span>
                )}
              </Td>
              <Td>
                <RoleBadge role={user.role} />
              </Td>
              <Td>
                <Badge variant={user.disabled ? 'neutral' : 'success'}>
                  {user.disabled ? 'disabled' : 'enabled'}
                </Badge>
              </Td>
              <TimeCell at={user.last_login_at} show="age" now={now} />
              <TimeCell at={user.created_at} show="date" />
              <Td>
                <div className="flex items-center justify-end gap-1.5">
                  <RoleSelect
                    aria-label={`Change role of ${user.username}`}
                    size="compact"
                    value={user.role}
                    disabled={pending}
                    onChange={(role) => onChangeRole(user, role)}
                  />
                  {user.disabled ? (
                    <Button className="h-7 w-16" disabled={pending} onClick={() => onEnable(user)}>
                      Enable
                    </Button>
                  ) : (
                    <Button className="h-7 w-16" disabled={pending} onClick={() => onDisable(user)}>
                      Disable
                    </Button>
                  )}
                  <Button
                    className="h-7"
                    variant="ghost"
                    disabled={pending}
                    onClick={() => onResetPassword(user)}
                  >
                    Reset password
                  </Button>
                </div>
              </Td>
            </Tr>
          )
        })}
      </tbody>
    </Table>
  )
}
