import { type UserRow, unixSeconds, unixSecondsOrNull } from '@mc/db'
import type { User } from '@mc/shared'

/** Never the password hash. */
export function presentUser(row: UserRow): User {
  return {
    id: row.id,
    username: row.username,
    role: row.role,
    disabled: row.disabled,
    last_login_at: unixSecondsOrNull(row.lastLoginAt),
    created_at: unixSeconds(row.createdAt),
    updated_at: unixSeconds(row.updatedAt),
  }
}
