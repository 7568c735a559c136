import type { GatewayRow } from '@mc/db'
import { secretChange } from './secret-change.ts'

type Change = [before: unknown, after: unknown]

/**
 * What an update changed, for the audit log: old and new values of the plain fields, and only
 * whether the token was set, changed or cleared (never a token, not even encrypted).
 */
export function describeGatewayChange(before: GatewayRow, after: GatewayRow, tokenTouched: boolean) {
  const changes: Record<string, Change> = {}
  for (const field of ['name', 'host', 'port', 'isPrimary'] as const) {
    if (before[field] !== after[field])
      changes[field === 'isPrimary' ? 'is_primary' : field] = [before[field], after[field]]
  }
  const token = secretChange(before.token, after.token, tokenTouched)
  return { changes, ...(token ? { token } : {}) }
}
