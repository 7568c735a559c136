import { isRecord } from '../protocol/is-record.ts'
import { type GatewaySessionRow, parseSessionRow } from './session-row.ts'

/**
 * What one `sessions.changed` event means: a keyed one carries the session's whole row; a keyless one
 * (`{reason: "update", agentId}`) says "reload the list" (for that agent, when named).
 */
export type SessionsChange =
  | { type: 'row'; row: GatewaySessionRow }
  | { type: 'reload'; agentId: string | null }

/** Reads a `sessions.changed` payload; null when it is not an object. */
export function parseSessionsChanged(payload: unknown): SessionsChange | null {
  if (!isRecord(payload)) return null
  const agentId = typeof payload.agentId === 'string' && payload.agentId ? payload.agentId : null
  const sessionKey = typeof payload.sessionKey === 'string' ? payload.sessionKey : undefined
  // The row comes as `session` and again flattened into the payload (without its key); `session` has
  // been seen as a placeholder string, so the flattened copy is the fallback.
  const session = isRecord(payload.session) ? payload.session : null
  if (!sessionKey && !session) return { type: 'reload', agentId }
  const source = session ?? payload
  // A keyed payload without row fields (no updatedAt) would blank what is known: reload instead.
  if (!('updatedAt' in source)) return { type: 'reload', agentId }
  const row = parseSessionRow({
    ...source,
    key: source.key ?? sessionKey,
    agentId: source.agentId ?? agentId,
  })
  return row ? { type: 'row', row } : { type: 'reload', agentId }
}
