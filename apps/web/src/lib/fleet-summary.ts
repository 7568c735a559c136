import { FLEET_WORST_LATENCY, type FleetOverviewResponse, type Gateway } from '@mc/shared'
import { countStatuses, GATEWAY_STATUS_ORDER, type StatusCounts } from './gateway-status.ts'

export interface FleetSummary {
  counts: StatusCounts
  /** Sessions and agents: each gateway's last reported counts, summed (as the API sums them). */
  totals: { gateways: number; sessions: number; agents: number }
  /** Online gateways with the highest latency, highest first. */
  worstLatency: { id: number; name: string; latency: number }[]
}

/**
 * The overview's live figures from the gateway list (which the event stream keeps current), so
 * they move with every probe result without asking the API; the same figures the API computes.
 */
export function summarizeFleet(gateways: readonly Gateway[], worst = FLEET_WORST_LATENCY): FleetSummary {
  const totals = { gateways: gateways.length, sessions: 0, agents: 0 }
  for (const gateway of gateways) {
    totals.sessions += gateway.sessions_count
    totals.agents += gateway.agents_count
  }
  const worstLatency = gateways
    .filter((gateway) => gateway.status === 'online' && gateway.latency !== null)
    .map((gateway) => ({ id: gateway.id, name: gateway.name, latency: gateway.latency ?? 0 }))
    .sort((a, b) => b.latency - a.latency || a.id - b.id)
    .slice(0, worst)
  return { counts: countStatuses(gateways.map((gateway) => gateway.status)), totals, worstLatency }
}

export interface StatusSlice {
  status: keyof StatusCounts
  count: number
}

/** The chart's bars: statuses that occur, in the usual order (healthy first, never probed last). */
export function statusSlices(counts: StatusCounts): StatusSlice[] {
  return GATEWAY_STATUS_ORDER.filter((status) => counts[status] > 0).map((status) => ({
    status,
    count: counts[status],
  }))
}

type UptimeRow = FleetOverviewResponse['uptime_24h'][number]

export interface UptimeView {
  /** The `limit` lowest uptimes, lowest first. */
  lowest: UptimeRow[]
  /** Gateways with probes that are not in `lowest`. */
  more: number
  /** Gateways without probes in the last 24 h. */
  unprobed: number
}

/**
 * What the uptime panel shows of a fleet of any size: only the worst few (a thousand rows would
 * make the page heavy), and how many it leaves out.
 */
export function lowestUptimes(rows: readonly UptimeRow[], limit: number): UptimeView {
  const probed = rows
    .filter((row) => row.uptime_pct !== null)
    .sort((a, b) => (a.uptime_pct ?? 0) - (b.uptime_pct ?? 0) || a.name.localeCompare(b.name))
  return {
    lowest: probed.slice(0, limit),
    more: Math.max(0, probed.length - limit),
    unprobed: rows.length - probed.length,
  }
}
