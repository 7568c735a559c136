import { authFailureReport, findGateway } from '@mc/db'
import { authFailuresQuerySchema, authFailuresResponseSchema } from '@mc/shared'
import type { RouteDeps } from '../../app-deps.ts'
import { HttpError } from '../../http/http-error.ts'
import type { RouteDef } from '../../http/route.ts'
import { idParamsSchema, parseId, parseQuery } from '../../http/validation.ts'
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
      doc: {
        summary: "List a gateway's failed handshakes",
        description:
          'The handshakes the gateway refused since `since` (default: the last 24 hours), counted ' +
          'per remote address, with the latest reason.',
        params: idParamsSchema,
        query: authFailuresQuerySchema,
        responses: { 200: authFailuresResponseSchema },
        errors: [404],
      },
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
