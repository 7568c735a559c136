import type { Role } from '@mc/shared'
import type { ReactNode } from 'react'
import { EmptyState } from '../components/EmptyState.tsx'
import { LockIcon } from '../layout/icons.tsx'
import { useRole } from './use-role.ts'

/**
 * Shows `children` only to a role of at least `min`; anyone else who navigates here directly gets a
 * clear "requires admin" instead of a page of 403s.
 */
export function RequireRole({ min, children }: { min: Role; children: ReactNode }) {
  const { role, can } = useRole()
  if (can(min)) return children
  return (
    <div data-testid="requires-role">
      <EmptyState
        icon={<LockIcon />}
        title={`Requires the ${min} role`}
        description={`You are signed in as ${role === null ? 'someone' : `a ${role}`}. Ask an admin of this Mission Control if you need access.`}
      />
    </div>
  )
}
