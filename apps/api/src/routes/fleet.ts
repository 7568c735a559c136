import { fleetOverview, listStatusChanges } from '@mc/db'
import {
  FLEET_RECENT_FLIPS,
  FLEET_WORST_LATENCY,
  type FleetOverviewResponse,
  type StatusChangesResponse,
  statusChangesQuerySchema,
} from '@mc/shared'
import type { RouteDeps } from '../app-env.ts'
import type { RouteDef } from '../http/route.ts'
import { parseQuery } from '../http/validation.ts'
import { presentStatusChange } from '../presenters/status-changes.ts'

/**
 * The fleet overview (the home view) and the log of status flips. Registered before the gateway
 * routes, so `/gateways/status-changes` is not taken for `/gateways/:id`.
 */
export function fleetRoutes({ db }: RouteDeps): RouteDef[] {
  return [
    {
      method: 'GET',
      path: '/fleet/overview',
      access: 'viewer',
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
          recent_flips: overview.recentFlips.map(presentStatusChange),
          generated_at: Math.floor(Date.now() / 1000),
        }
        return c.json(body)
      },
    },
    {
      method: 'GET',
      path: '/gateways/status-changes',
      access: 'viewer',
      handler: async (c) => {
        const query = parseQuery(c, statusChangesQuerySchema)
        const page = await listStatusChanges(db, { before: query.before, limit: query.limit })
        const body: StatusChangesResponse = {
          changes: page.rows.map(presentStatusChange),
          next_before: page.nextBefore,
        }
        return c.json(body)
      },
    },
  ]
}
