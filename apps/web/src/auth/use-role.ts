import { type Role, roleAtLeast } from '@mc/shared'
import { useMe } from '../api/auth.ts'

export interface RoleAccess {
  /** The signed-in principal's role; null until `/api/auth/me` has answered. */
  role: Role | null
  /** Whether the role is at least `minimum` (viewer < operator < admin). */
  can: (minimum: Role) => boolean
}

/** What the signed-in person may do, for hiding what they may not. The API enforces it regardless. */
export function useRole(): RoleAccess {
  const role = useMe().data?.principal.role ?? null
  return { role, can: (minimum) => role !== null && roleAtLeast(role, minimum) }
}
