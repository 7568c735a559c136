import { GATEWAY_STATUSES, type GatewayStatus } from '@mc/shared'
import { and, desc, eq, isNotNull, sql } from 'drizzle-orm'
import type { Database } from '../client.ts'
import { directConnections } from '../schema/direct-connections.ts'
import { gateways } from '../schema/gateways.ts'
import { fleetAuthFailures } from './auth-failure-reports.ts'
import { listStatusChanges, type StatusChangeRow } from './gateway-status-changes.ts'
import { type GatewayUptime24h, uptime24hByGateway } from './gateway-uptime.ts'

export interface FleetOverview {
  statusCounts: Record<GatewayStatus, number>
  /** Sessions and agents are the last counts each gateway reported, summed over all gateways. */
  totals: { gateways: number; sessions: number; agents: number }
  /** Online gateways with the highest latency, highest first. */
  worstLatency: { id: number; name: string; latency: number }[]
  uptime24h: GatewayUptime24h[]
  /** Agents with at least one connected direct (CLI) connection. */
  connectedAgents: number
  /** Failed handshakes logged by every gateway in the last 24 hours. */
  authFailures24h: number
  recentFlips: StatusChangeRow[]
}

export interface FleetOverviewOptions {
  worstLatency: number
  recentFlips: number
}

const DAY_MS = 24 * 3600 * 1000

/** Counts of gateways by status and their summed sessions and agents, in one pass. */
async function gatewayTotals(db: Database) {
  const rows = await db
    .select({
      status: gateways.status,
      gateways: sql<number>`count(*)::int`,
      sessions: sql<number>`coalesce(sum(${gateways.sessionsCount}), 0)::int`,
      agents: sql<number>`coalesce(sum(${gateways.agentsCount}), 0)::int`,
    })
    .from(gateways)
    .groupBy(gateways.status)
  const statusCounts = Object.fromEntries(GATEWAY_STATUSES.map((status) => [status, 0])) as Record<
    GatewayStatus,
    number
  >
  const totals = { gateways: 0, sessions: 0, agents: 0 }
  for (const row of rows) {
    statusCounts[row.status] = row.gateways
    totals.gateways += row.gateways
    totals.sessions += row.sessions
    totals.agents += row.agents
  }
  return { statusCounts, totals }
}

async function worstLatency(db: Database, limit: number) {
  const rows = await db
    .select({ id: gateways.id, name: gateways.name, latency: gateways.latency })
    .from(gateways)
    .where(and(eq(gateways.status, 'online'), isNotNull(gateways.latency)))
    .orderBy(desc(gateways.latency), gateways.id)
    .limit(limit)
  return rows.map((row) => ({ ...row, latency: row.latency ?? 0 }))
}

async function countConnectedAgents(db: Database): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(distinct ${directConnections.agentId})::int` })
    .from(directConnections)
    .where(eq(directConnections.status, 'connected'))
  return row?.n ?? 0
}

/** Everything the fleet overview shows, read side by side (a handful of queries, none per gateway). */
export async function fleetOverview(db: Database, options: FleetOverviewOptions): Promise<FleetOverview> {
  const [{ statusCounts, totals }, worst, uptime, connectedAgents, authFailures24h, flips] =
    await Promise.all([
      gatewayTotals(db),
      worstLatency(db, options.worstLatency),
      uptime24hByGateway(db),
      countConnectedAgents(db),
      fleetAuthFailures(db, new Date(Date.now() - DAY_MS)),
      listStatusChanges(db, { limit: options.recentFlips }),
    ])
  return {
    statusCounts,
    totals,
    worstLatency: worst,
    uptime24h: uptime,
    connectedAgents,
    authFailures24h,
    recentFlips: flips.rows,
  }
}
