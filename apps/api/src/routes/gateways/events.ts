import { findGateway, gatewayEventTypes, listGatewayEvents } from '@mc/db'
import { type GatewayEventsResponse, gatewayEventsQuerySchema, gatewayEventsResponseSchema } from '@mc/shared'
import type { RouteDeps } from '../../app-deps.ts'
import { HttpError } from '../../http/http-error.ts'
import type { RouteDef } from '../../http/route.ts'
import { idParamsSchema, parseId, parseQuery } from '../../http/validation.ts'
import { presentGatewayEvent } from '../../presenters/gateway-events.ts'
import { dateFromUnix } from '../../presenters/time.ts'

/** A gateway's event timeline: a page of the events its watcher kept, and the types to filter by. */
export function gatewayEventRoutes({ db }: Pick<RouteDeps, 'db'>): RouteDef[] {
  return [
    {
      method: 'GET',
      path: '/gateways/:id/events',
      access: 'viewer',
      doc: {
        summary: "List a gateway's events",
        description:
          'The events the gateway sent that its watcher kept, newest first, by type, session or ' +
          'time, with every type in its kept history for the filter; pass `next_before` back as ' +
          '`before` for older ones.',
        params: idParamsSchema,
        query: gatewayEventsQuerySchema,
        responses: { 200: gatewayEventsResponseSchema },
        errors: [404],
      },
      handler: async (c) => {
        const id = parseId(c)
        const query = parseQuery(c, gatewayEventsQuerySchema)
        if (!(await findGateway(db, id))) throw new HttpError(404, `no gateway with id ${id}`)
        const [page, types] = await Promise.all([
          listGatewayEvents(db, id, {
            type: query.type,
            session: query.session,
            since: dateFromUnix(query.since),
            before: query.before,
            limit: query.limit,
          }),
          gatewayEventTypes(db, id),
        ])
        const body: GatewayEventsResponse = {
          events: page.rows.map(presentGatewayEvent),
          next_before: page.nextBefore,
          types,
        }
        return c.json(body)
      },
    },
  ]
}
