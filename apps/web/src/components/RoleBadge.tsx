import type { Role } from '@mc/shared'
import { Badge, type BadgeVariant } from './Badge.tsx'

/** Amber for the role that can change everything, blue for the one that can act, grey for read-only. */
const ROLE_VARIANT: Record<Role, BadgeVariant> = {
  admin: 'warning',
  operator: 'primary',
  viewer: 'neutral',
}

export function RoleBadge({ role }: { role: Role }) {
  return <Badge variant={ROLE_VARIANT[role]}>{role}</Badge>
}
