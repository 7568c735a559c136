import { authFailureReport, findGateway } from '@mc/db'
import { authFailuresQuerySchema } from '@mc/shared'
import type { RouteDeps } from '../../app-deps.ts'
import { HttpError } from '../../http/http-error.ts'
import type { RouteDef } from '../../http/route.ts'
import { parseId, parseQuery } from '../../http/validation.ts'
import { presentAuthFailureReport } from '../../presenters/auth-failures.ts'

/** Without `since`, the report covers the last 24 hours. */
const DEFAULT_SINCE_S = 24 * 3600

/** Failed handshakes a gateway logged, per remote address. */
export function gatewayAuthFailureRoutes({ db }: Pick<RouteDeps, 'db'>): RouteDef[] {
  return [
    {
      method: 'GET',
      path: '/gateways/:id/auth-failures',
      access: 'viewer',
      handler: async (c) => {
        const id = parseId(c)
        const query = parseQuery(c, authFailuresQuerySchema)
        if (!(await findGateway(db, id))) throw new HttpError(404, `no gateway with id ${id}`)
        const since = new Date((query.since ?? Math.floor(Date.now() / 1000) - DEFAULT_SINCE_S) * 1000)
        return c.json(presentAuthFailureReport(await authFailureReport(db, id, since)))
      },
    },
  ]
}
