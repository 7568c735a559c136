import type { FleetOverviewResponse } from '@mc/shared'
import { GATEWAY_STATUS_ORDER, type StatusCounts } from './gateway-status.ts'

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
