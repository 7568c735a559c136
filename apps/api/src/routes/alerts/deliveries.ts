import { listAlertDeliveries } from '@mc/db'
import { alertDeliveriesQuerySchema } from '@mc/shared'
import type { RouteDeps } from '../../app-deps.ts'
import type { RouteDef } from '../../http/route.ts'
import { parseQuery } from '../../http/validation.ts'
import { presentAlertDelivery } from '../../presenters/alert-deliveries.ts'

/** The delivery log (admin): every attempt to tell a channel something, newest first. */
export function alertDeliveryRoutes({ db }: Pick<RouteDeps, 'db'>): RouteDef[] {
  return [
    {
      method: 'GET',
      path: '/alerts/deliveries',
      access: 'admin',
      handler: async (c) => {
        const query = parseQuery(c, alertDeliveriesQuerySchema)
        const page = await listAlertDeliveries(db, {
          channelId: query.channel_id,
          incidentId: query.incident_id,
          limit: query.limit,
          before: query.before,
        })
        return c.json({ deliveries: page.rows.map(presentAlertDelivery), next_before: page.nextBefore })
      },
    },
  ]
}
