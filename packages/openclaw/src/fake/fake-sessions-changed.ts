import type { FakeSessionChange } from './fake-world.ts'

/**
 * A `sessions.changed` payload shaped like the real one: keyed changes carry the row as `session` and
 * again flattened into the payload (without its `key`); a reload is `{reason: "update", agentId, ts}`.
 */
export function sessionsChangedPayload(change: FakeSessionChange, ts = Date.now()): Record<string, unknown> {
  if (change.type === 'reload') return { reason: 'update', agentId: change.agentId, ts }
  const { row, reason, phase, runId } = change
  const { key, ...flattened } = row
  const why = phase ? { phase, runId } : { reason }
  // `flattened` brings agentId along, as on the real payload.
  return { sessionKey: key, ...why, ts, session: { ...row }, ...flattened }
}
