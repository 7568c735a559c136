import { presentIncident } from '@mc/alerting'
import { findIncident, listIncidents, listIncidentTimeline } from '@mc/db'
import { incidentDetailResponseSchema, incidentsQuerySchema, incidentsResponseSchema } from '@mc/shared'
import type { RouteDeps } from '../app-deps.ts'
import { HttpError } from '../http/http-error.ts'
import { keysetListRoute } from '../http/keyset-list-route.ts'
import type { RouteDef } from '../http/route.ts'
import { idParamsSchema, parseId } from '../http/validation.ts'
import { presentTimelineEntry } from '../presenters/incident-timeline.ts'

/** Incidents: the list (newest first) and one incident with its timeline. */
export function incidentRoutes({ db }: Pick<RouteDeps, 'db'>): RouteDef[] {
  return [
    keysetListRoute({
      path: '/incidents',
      access: 'viewer',
      query: incidentsQuerySchema,
      key: 'incidents',
      response: incidentsResponseSchema,
      doc: {
        summary: 'List incidents',
        description:
          'Newest first, by status (`all`: any), gateway, agent or rule kind; pass `next_before` ' +
          'back as `before` for older ones.',
      },
      list: (query) =>
        listIncidents(db, {
          status: query.status,
          gatewayId: query.gateway_id,
          agentId: query.agent_id,
          kind: query.kind,
          limit: query.limit,
          before: query.before,
        }),
      present: presentIncident,
    }),
    {
      method: 'GET',
      path: '/incidents/:id',
      access: 'viewer',
      doc: {
        summary: 'Get an incident',
        description:
          'One incident with its timeline: opened, notified, delivery failures, suppressed, ' +
          'acknowledged, resolved.',
        params: idParamsSchema,
        responses: { 200: incidentDetailResponseSchema },
        errors: [404],
      },
      handler: async (c) => {
        const id = parseId(c)
        const [row, timeline] = await Promise.all([findIncident(db, id), listIncidentTimeline(db, id)])
        if (!row) throw new HttpError(404, `no incident with id ${id}`)
        return c.json({ incident: presentIncident(row), timeline: timeline.map(presentTimelineEntry) })
      },
    },
  ]
}
