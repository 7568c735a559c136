import { queueIncidentNotices } from '@mc/alerting'
import { resolveIncident } from '@mc/db'
import type { RouteDeps } from '../../app-deps.ts'
import type { RouteDef } from '../../http/route.ts'
import { incidentChangeHandler } from '../../incidents/change-incident.ts'

/**
 * `POST /api/incidents/:id/resolve`: resolved by hand (an open or acknowledged incident); its
 * channels get the resolved notice through the worker's delivery queue.
 */
export function incidentResolveRoutes(
  deps: Pick<RouteDeps, 'db' | 'config' | 'events' | 'alerts'>,
): RouteDef[] {
  return [
    {
      method: 'POST',
      path: '/incidents/:id/resolve',
      access: 'operator',
      handler: incidentChangeHandler(
        deps,
        {
          action: 'incident.resolve',
          event: 'incident.resolved',
          apply: (id, actor) => resolveIncident(deps.db, id, actor),
        },
        (row) => queueIncidentNotices(deps.alerts.context, [row.id], 'incident.resolved'),
      ),
    },
  ]
}
