import { countSessions, findSession, listSessions, presentSession, type SessionFilters } from '@mc/db'
import {
  type SessionsResponse,
  sessionCursorText,
  sessionResponseSchema,
  sessionsQuerySchema,
  sessionsResponseSchema,
} from '@mc/shared'
import type { RouteDeps } from '../app-deps.ts'
import { HttpError } from '../http/http-error.ts'
import type { RouteDef } from '../http/route.ts'
import { idParamsSchema, parseId, parseQuery } from '../http/validation.ts'

/** The agent sessions of every gateway: a page of them with the counts per state, and one session. */
export function sessionRoutes({ db }: Pick<RouteDeps, 'db'>): RouteDef[] {
  return [
    {
      method: 'GET',
      path: '/sessions',
      access: 'viewer',
      doc: {
        summary: 'List agent sessions',
        description:
          'The agent sessions of every gateway, newest activity first. Without `state`, every ' +
          'session still on its gateway; `state=ended` the ended ones, `state=all` both. `q` ' +
          'searches label, key and model. `counts` cover the filters other than `state`; pass ' +
          '`next_before` (an opaque cursor) back as `before` for the next page.',
        query: sessionsQuerySchema,
        responses: { 200: sessionsResponseSchema },
      },
      handler: async (c) => {
        const query = parseQuery(c, sessionsQuerySchema)
        const filters: SessionFilters = { gatewayId: query.gateway_id, agent: query.agent, q: query.q }
        const [page, counts] = await Promise.all([
          listSessions(db, { ...filters, state: query.state }, { limit: query.limit, before: query.before }),
          countSessions(db, filters),
        ])
        const body: SessionsResponse = {
          sessions: page.rows.map(presentSession),
          next_before: page.nextBefore && sessionCursorText(page.nextBefore),
          counts,
        }
        return c.json(body)
      },
    },
    {
      method: 'GET',
      path: '/sessions/:id',
      access: 'viewer',
      doc: {
        summary: 'Get an agent session',
        params: idParamsSchema,
        responses: { 200: sessionResponseSchema },
        errors: [404],
      },
      handler: async (c) => {
        const id = parseId(c)
        const row = await findSession(db, id)
        if (!row) throw new HttpError(404, `no session with id ${id}`)
        return c.json({ session: presentSession(row) })
      },
    },
  ]
}
