import type { AlertChannelRow } from '@mc/db'
import { secretChange } from './secret-change.ts'

type Change = [before: unknown, after: unknown]

/**
 * What an update of a channel changed, for the audit log: old and new values of its name, its
 * enabled flag and its shown config, and only whether its secrets were set, changed or cleared.
 */
export function describeChannelChange(
  before: AlertChannelRow,
  after: AlertChannelRow,
  secretTouched: boolean,
) {
  const changes: Record<string, Change> = {}
  if (before.name !== after.name) changes.name = [before.name, after.name]
  if (before.enabled !== after.enabled) changes.enabled = [before.enabled, after.enabled]
  if (JSON.stringify(before.config) !== JSON.stringify(after.config))
    changes.config = [before.config, after.config]
  const secret = secretChange(before.secret, after.secret, secretTouched)
  return { changes, ...(secret ? { secret } : {}) }
}
