import { CONNECTION_STATUSES, type ConnectionStatus, type GatewayStatus } from '@mc/shared'
import { sql } from 'drizzle-orm'
import type { Database } from '../client.ts'
import { directConnections } from '../schema/direct-connections.ts'
import { gateways } from '../schema/gateways.ts'

/** One gateway as `/metrics` shows it. */
export interface GatewayMetricRow {
  name: string
  status: GatewayStatus
  /** The last online probe's handshake, ms; null before the first. */
  latency: number | null
  sessionsCount: number
  agentsCount: number
  /** Seconds since its last probe, on database time; null before the first. */
  lastProbeAgeS: number | null
}

/** Every gateway's state for a metrics scrape, in one statement. */
export function gatewayMetricRows(db: Database): Promise<GatewayMetricRow[]> {
  return db
    .select({
      name: gateways.name,
      status: gateways.status,
      latency: gateways.latency,
      sessionsCount: gateways.sessionsCount,
      agentsCount: gateways.agentsCount,
      lastProbeAgeS: sql<number | null>`extract(epoch from now() - ${gateways.lastProbeAt})::float8`,
    })
    .from(gateways)
}

/** CLI connections by status, every status present (0 when none). */
export async function connectionCountsByStatus(db: Database): Promise<Record<ConnectionStatus, number>> {
  const rows = await db
    .select({ status: directConnections.status, count: sql<number>`count(*)::int` })
    .from(directConnections)
    .groupBy(directConnections.status)
  const counts = Object.fromEntries(CONNECTION_STATUSES.map((status) => [status, 0])) as Record<
    ConnectionStatus,
    number
  >
  for (const row of rows) counts[row.status] = row.count
  return counts
}
