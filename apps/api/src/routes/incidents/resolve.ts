import { queueIncidentNotices } from '@mc/alerting'
import { resolveIncident } from '@mc/db'
import { incidentResponseSchema } from '@mc/shared'
import type { RouteDeps } from '../../app-deps.ts'
import type { RouteDef } from '../../http/route.ts'
import { idParamsSchema } from '../../http/validation.ts'
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
      doc: {
        summary: 'Resolve an incident',
        description:
          'Resolves an open or acknowledged incident by hand (409 otherwise); its channels get the ' +
          "resolved notice through the worker's delivery queue. Audited and announced as " +
          '`incident.resolved`.',
        params: idParamsSchema,
        responses: { 200: incidentResponseSchema },
        errors: [404, 409],
      },
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
