import { listFailovers, presentFailover } from '@mc/db'
import { type FailoversResponse, failoversQuerySchema, failoversResponseSchema } from '@mc/shared'
import type { RouteDeps } from '../../app-deps.ts'
import type { RouteDef } from '../../http/route.ts'
import { parseQuery } from '../../http/validation.ts'

/** The primary role's moves (and failovers that found no standby), newest first. */
export function gatewayFailoversRoutes({ db }: Pick<RouteDeps, 'db'>): RouteDef[] {
  return [
    {
      method: 'GET',
      path: '/gateways/failovers',
      access: 'viewer',
      doc: {
        summary: 'List failovers',
        description:
          "The primary role's latest moves, automatic and by hand, and automatic failovers that " +
          'found no standby, newest first.',
        query: failoversQuerySchema,
        responses: { 200: failoversResponseSchema },
      },
      handler: async (c) => {
        const { limit } = parseQuery(c, failoversQuerySchema)
        const body: FailoversResponse = { failovers: (await listFailovers(db, limit)).map(presentFailover) }
        return c.json(body)
      },
    },
  ]
}
