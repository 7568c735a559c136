import type { GatewayRow } from '@mc/db'
import type { Gateway } from '@mc/shared'
import { unixSeconds, unixSecondsOrNull } from './time.ts'

/** The seed's Gateway shape: `is_primary` as 0/1, `token_set` instead of the token. */
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
  }
}
