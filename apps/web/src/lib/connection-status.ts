import type { DirectConnection } from '@mc/shared'

/** Tools send a heartbeat every 30 s (the seed); one older than that is overdue. */
export const HEARTBEAT_INTERVAL_S = 30

/**
 * Where a connection stands at `now` (unix seconds): `live` (heartbeats on time), `late` (none for
 * over 30 s, not yet expired), `expiring` (past `expires_at`, the worker closes it within 15 s), or
 * `closed`.
 */
export type HeartbeatState = 'live' | 'late' | 'expiring' | 'closed'

export function heartbeatState(
  connection: Pick<DirectConnection, 'status' | 'last_heartbeat' | 'created_at' | 'expires_at'>,
  now: number,
): HeartbeatState {
  if (connection.status === 'disconnected') return 'closed'
  if (now >= connection.expires_at) return 'expiring'
  const since = connection.last_heartbeat ?? connection.created_at
  return now - since > HEARTBEAT_INTERVAL_S ? 'late' : 'live'
}

const REASONS: Record<string, string> = {
  replaced: 'replaced by a newer connection of the agent',
  disconnected: 'disconnected',
  heartbeat_timeout: 'no heartbeat for too long',
}

/** Why a connection closed, in words; unknown reasons as the API says them. */
export function disconnectReasonLabel(reason: string | null): string {
  if (reason === null) return 'closed'
  return REASONS[reason] ?? reason.replaceAll('_', ' ')
}

/** The tool's metadata (JSON text): the parsed value, the text itself if it is not JSON, or null. */
export function parseMetadata(text: string | null): unknown {
  if (text === null || text.trim() === '') return null
  try {
    return JSON.parse(text) as unknown
  } catch {
    return text
  }
}
