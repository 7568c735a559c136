import { acknowledgeIncident } from '@mc/db'
import { incidentResponseSchema } from '@mc/shared'
import type { RouteDeps } from '../../app-deps.ts'
import type { RouteDef } from '../../http/route.ts'
import { idParamsSchema } from '../../http/validation.ts'
import { incidentChangeHandler } from '../../incidents/change-incident.ts'

/** `POST /api/incidents/:id/ack`: someone is on it; an open incident stops its reminders. */
export function incidentAckRoutes(deps: Pick<RouteDeps, 'db' | 'config' | 'events'>): RouteDef[] {
  return [
    {
      method: 'POST',
      path: '/incidents/:id/ack',
      access: 'operator',
      doc: {
        summary: 'Acknowledge an incident',
        description:
          'Someone is on it: an open incident stops its reminders. 409 unless the incident is open. ' +
          'Audited and announced as `incident.updated`.',
        params: idParamsSchema,
        responses: { 200: incidentResponseSchema },
        errors: [404, 409],
      },
      handler: incidentChangeHandler(deps, {
        action: 'incident.acknowledge',
        event: 'incident.updated',
        apply: (id, actor) => acknowledgeIncident(deps.db, id, actor),
      }),
    },
  ]
}
