import type { ApiKeyWithOwner } from '@mc/db'
import { lowerRole, type Role } from '@mc/shared'

/** Why a stored key may not be used now, or undefined when it may. */
export function keyRefusal(key: ApiKeyWithOwner): string | undefined {
  if (key.revokedAt) return 'API key revoked'
  if (key.automation) return undefined
  // Its owner was deleted, or it predates owners being recorded for keys made by keys.
  if (key.ownerId === null) return 'API key has no owner'
  if (key.ownerDisabled) return 'API key owner disabled'
  return undefined
}

/** A key acts with at most its owner's current role; an automation key with its own. */
export function keyRole(key: ApiKeyWithOwner): Role {
  return key.ownerRole === null ? key.role : lowerRole(key.role, key.ownerRole)
}
