import { findGateway, findWatcherStatus } from '@mc/db'
import type { GatewayWatcherResponse } from '@mc/shared'
import type { RouteDeps } from '../../app-deps.ts'
import { HttpError } from '../../http/http-error.ts'
import type { RouteDef } from '../../http/route.ts'
import { parseId } from '../../http/validation.ts'
import { presentGatewayWatcher } from '../../presenters/gateway-watchers.ts'

/** What the worker watching a gateway's sessions is doing, for the gateway's page. */
export function gatewayWatcherRoutes({ db }: Pick<RouteDeps, 'db'>): RouteDef[] {
  return [
    {
      method: 'GET',
      path: '/gateways/:id/watcher',
      access: 'viewer',
      handler: async (c) => {
        const id = parseId(c)
        const [gateway, row] = await Promise.all([findGateway(db, id), findWatcherStatus(db, id)])
        if (!gateway) throw new HttpError(404, `no gateway with id ${id}`)
        const body: GatewayWatcherResponse = { watcher: row ? presentGatewayWatcher(row) : null }
        return c.json(body)
      },
    },
  ]
}
