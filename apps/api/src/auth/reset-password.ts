import {
  type Database,
  deleteSignInsOfUser,
  findUserByUsername,
  recordAudit,
  type UserRow,
  updateUser,
} from '@mc/db'
import { hashPassword } from './passwords.ts'

/** How the server-shell command appears in the audit log. */
export const RESET_PASSWORD_ACTOR = 'cli:reset-password'

/**
 * Gives `username` a new password from the server's shell, for an admin who lost theirs: ends every
 * sign-in of that user, enables the account if it was disabled (a way back in must let them
 * in), and records it in the audit log without the password. The role stays as it is. Undefined when
 * there is no such user.
 */
export async function resetPassword(
  db: Database,
  username: string,
  password: string,
): Promise<{ user: UserRow; reenabled: boolean } | undefined> {
  const found = await findUserByUsername(db, username)
  if (!found) return undefined
  const user = await updateUser(db, found.id, { passwordHash: await hashPassword(password), disabled: false })
  if (!user) return undefined
  await deleteSignInsOfUser(db, user.id)
  await recordAudit(db, {
    actor: RESET_PASSWORD_ACTOR,
    action: 'user.update',
    target: `user:${user.username}`,
    detail: { password_reset: true, ...(found.disabled ? { disabled: false } : {}) },
  })
  return { user, reenabled: found.disabled }
}
