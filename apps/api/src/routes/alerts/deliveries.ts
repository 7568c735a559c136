import { listAlertDeliveries } from '@mc/db'
import { alertDeliveriesQuerySchema } from '@mc/shared'
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
