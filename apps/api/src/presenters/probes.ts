import { type ProbeRow, unixSeconds } from '@mc/db'
import type { Probe } from '@mc/shared'

export function presentProbe(row: ProbeRow): Probe {
  return {
    id: row.id,
    gateway_id: row.gatewayId,
    status: row.status === 'unknown' ? 'error' : row.status,
    latency: row.latency,
    sessions_count: row.sessionsCount,
    agents_count: row.agentsCount,
    version: row.version,
    error: row.error,
    probed_at: unixSeconds(row.probedAt),
  }
}
