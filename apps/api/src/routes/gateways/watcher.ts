import { findGateway, findWatcherStatus } from '@mc/db'
import { type GatewayWatcherResponse, gatewayWatcherResponseSchema } from '@mc/shared'
import type { RouteDeps } from '../../app-deps.ts'
import { HttpError } from '../../http/http-error.ts'
import type { RouteDef } from '../../http/route.ts'
import { idParamsSchema, parseId } from '../../http/validation.ts'
import { presentGatewayWatcher } from '../../presenters/gateway-watchers.ts'

/** What the worker watching a gateway's sessions is doing, for the gateway's page. */
export function gatewayWatcherRoutes({ db }: Pick<RouteDeps, 'db'>): RouteDef[] {
  return [
    {
      method: 'GET',
      path: '/gateways/:id/watcher',
      access: 'viewer',
      doc: {
        summary: "Get a gateway's session watcher",
        description:
          "What the worker watching the gateway's sessions is doing; `watcher` is null while none " + 'is.',
        params: idParamsSchema,
        responses: { 200: gatewayWatcherResponseSchema },
        errors: [404],
      },
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
