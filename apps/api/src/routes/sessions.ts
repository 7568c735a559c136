import { countSessions, findSession, listSessions, presentSession, type SessionFilters } from '@mc/db'
import { type SessionsResponse, sessionCursorText, sessionsQuerySchema } from '@mc/shared'
import type { RouteDeps } from '../app-deps.ts'
import { HttpError } from '../http/http-error.ts'
import type { RouteDef } from '../http/route.ts'
import { parseId, parseQuery } from '../http/validation.ts'

/** The agent sessions of every gateway: a page of them with the counts per state, and one session. */
export function sessionRoutes({ db }: Pick<RouteDeps, 'db'>): RouteDef[] {
  return [
    {
      method: 'GET',
      path: '/sessions',
      access: 'viewer',
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
      handler: async (c) => {
        const id = parseId(c)
        const row = await findSession(db, id)
        if (!row) throw new HttpError(404, `no session with id ${id}`)
        return c.json({ session: presentSession(row) })
      },
    },
  ]
}
