import { fleetOverview } from '@mc/db'
import {
  FLEET_RECENT_FLIPS,
  FLEET_WORST_LATENCY,
  type FleetOverviewResponse,
  fleetOverviewResponseSchema,
  nowUnixSeconds,
} from '@mc/shared'
import type { RouteDeps } from '../../app-deps.ts'
import type { RouteDef } from '../../http/route.ts'
import { presentStatusChange } from '../../presenters/status-changes.ts'

/** The fleet overview: the home view's summary of every registered gateway. */
export function fleetOverviewRoutes({ db }: Pick<RouteDeps, 'db'>): RouteDef[] {
  return [
    {
      method: 'GET',
      path: '/fleet/overview',
      access: 'viewer',
      doc: {
        summary: 'Get the fleet overview',
        description:
          "The home view's summary of every registered gateway: counts per status, totals, the " +
          'worst latencies, 24-hour uptime, connected CLI agents, failed handshakes of the last 24 ' +
          'hours and the latest status flips.',
        responses: { 200: fleetOverviewResponseSchema },
      },
      handler: async (c) => {
        const overview = await fleetOverview(db, {
          worstLatency: FLEET_WORST_LATENCY,
          recentFlips: FLEET_RECENT_FLIPS,
        })
        const body: FleetOverviewResponse = {
          status_counts: overview.statusCounts,
          totals: overview.totals,
          worst_latency: overview.worstLatency,
          uptime_24h: overview.uptime24h.map((row) => ({
            gateway_id: row.gatewayId,
            name: row.name,
            uptime_pct: row.uptime24h,
          })),
          connected_agents: overview.connectedAgents,
          auth_failures_24h: overview.authFailures24h,
          recent_flips: overview.recentFlips.map(presentStatusChange),
          generated_at: nowUnixSeconds(),
        }
        return c.json(body)
      },
    },
  ]
}
