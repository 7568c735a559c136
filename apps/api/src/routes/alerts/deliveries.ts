import { listAlertDeliveries } from '@mc/db'
import { alertDeliveriesQuerySchema, alertDeliveriesResponseSchema } from '@mc/shared'
import type { RouteDeps } from '../../app-deps.ts'
import { keysetListRoute } from '../../http/keyset-list-route.ts'
import type { RouteDef } from '../../http/route.ts'
import { presentAlertDelivery } from '../../presenters/alert-deliveries.ts'

/** The delivery log (admin): every attempt to tell a channel something, newest first. */
export function alertDeliveryRoutes({ db }: Pick<RouteDeps, 'db'>): RouteDef[] {
  return [
    keysetListRoute({
      path: '/alerts/deliveries',
      access: 'admin',
      query: alertDeliveriesQuerySchema,
      key: 'deliveries',
      response: alertDeliveriesResponseSchema,
      doc: {
        summary: 'List alert deliveries',
        description:
          'Every attempt to deliver a message to a channel, newest first, by channel or incident; ' +
          'pass `next_before` back as `before` for older ones.',
      },
      list: (query) =>
        listAlertDeliveries(db, {
          channelId: query.channel_id,
          incidentId: query.incident_id,
          limit: query.limit,
          before: query.before,
        }),
      present: presentAlertDelivery,
    }),
  ]
}
