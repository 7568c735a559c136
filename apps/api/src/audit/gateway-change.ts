import type { GatewayRow } from '@mc/db'
import { secretChange } from './secret-change.ts'

type Change = [before: unknown, after: unknown]

/** Plain fields whose old and new values an update's audit entry shows, by their API names. */
const AUDITED_FIELDS = [
  ['name', 'name'],
  ['host', 'host'],
  ['port', 'port'],
  ['isPrimary', 'is_primary'],
  ['failoverPriority', 'failover_priority'],
  ['sessionIdleS', 'session_idle_s'],
  ['sessionStuckS', 'session_stuck_s'],
  ['rotateEveryDays', 'rotate_every_days'],
] as const satisfies readonly (readonly [keyof GatewayRow, string])[]

/**
 * What an update changed, for the audit log: old and new values of the plain fields, and only
 * whether the token was set, changed or cleared (never a token, not even encrypted).
 */
export function describeGatewayChange(before: GatewayRow, after: GatewayRow, tokenTouched: boolean) {
  const changes: Record<string, Change> = {}
  for (const [field, name] of AUDITED_FIELDS) {
    if (before[field] !== after[field]) changes[name] = [before[field], after[field]]
  }
  const token = secretChange(before.token, after.token, tokenTouched)
  return { changes, ...(token ? { token } : {}) }
}
