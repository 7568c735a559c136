import type { Gateway } from '@mc/shared'
import type { GatewayRow } from '../queries/gateways.ts'
import { unixSeconds, unixSecondsOrNull } from './unix-seconds.ts'

/**
 * The seed's Gateway shape: `is_primary` as 0/1, `token_set` instead of the token. The one place a
 * gateway row becomes wire data, so the API's answers and the worker's events show the same state.
 */
export function presentGateway(row: GatewayRow): Gateway {
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
  }
}
