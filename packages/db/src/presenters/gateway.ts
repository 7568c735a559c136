import { DEFAULT_TOKEN_MAX_AGE_DAYS, type Gateway } from '@mc/shared'
import type { GatewayRow } from '../queries/gateways.ts'
import { unixSeconds, unixSecondsOrNull } from './unix-seconds.ts'

/**
 * The seed's Gateway shape: `is_primary` as 0/1, `token_set` instead of the token. The one place a
 * gateway row becomes wire data, so the API's answers and the worker's events show the same state.
 */
export function presentGateway(
  row: GatewayRow,
  /** TOKEN_MAX_AGE_DAYS of the process presenting it. */
  tokenMaxAgeDays = DEFAULT_TOKEN_MAX_AGE_DAYS,
): Gateway {
  const tokenSetAt = row.token === null ? null : row.tokenSetAt
  return {
    id: row.id,
    name: row.name,
    host: row.host,
    port: row.port,
    token_set: row.token !== null,
    is_primary: row.isPrimary ? 1 : 0,
    status: row.status,
    last_seen: unixSecondsOrNull(row.lastSeen),
    latency: row.latency,
    sessions_count: row.sessionsCount,
    agents_count: row.agentsCount,
    created_at: unixSeconds(row.createdAt),
    updated_at: unixSeconds(row.updatedAt),
    version: row.version,
    last_error: row.lastError,
    last_probe_at: unixSecondsOrNull(row.lastProbeAt),
    tls_insecure: row.tlsInsecure,
    failover_priority: row.failoverPriority,
    session_idle_s: row.sessionIdleS,
    session_stuck_s: row.sessionStuckS,
    token_set_at: unixSecondsOrNull(tokenSetAt),
    token_stale: tokenSetAt !== null && Date.now() - tokenSetAt.getTime() > tokenMaxAgeDays * 86_400_000,
    token_rotated_at: unixSecondsOrNull(row.tokenRotatedAt),
    token_rotation_mode:
      row.tokenRotationMode === 'auto' || row.tokenRotationMode === 'manual' ? row.tokenRotationMode : null,
    rotate_every_days: row.rotateEveryDays,
    token_pending_expires_at: unixSecondsOrNull(row.pendingTokenExpiresAt),
    token_mismatches: row.tokenMismatches,
  }
}
