import { acknowledgeIncident } from '@mc/db'
import type { RouteDeps } from '../../app-deps.ts'
import type { RouteDef } from '../../http/route.ts'
import { incidentChangeHandler } from '../../incidents/change-incident.ts'

/** `POST /api/incidents/:id/ack`: someone is on it; an open incident stops its reminders. */
export function incidentAckRoutes(deps: Pick<RouteDeps, 'db' | 'config' | 'events'>): RouteDef[] {
  return [
    {
      method: 'POST',
      path: '/incidents/:id/ack',
      access: 'operator',
      handler: incidentChangeHandler(deps, {
        action: 'incident.acknowledge',
        event: 'incident.updated',
        apply: (id, actor) => acknowledgeIncident(deps.db, id, actor),
      }),
    },
  ]
}
