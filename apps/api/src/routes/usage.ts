import { usageReport } from '@mc/db'
import { usageQuerySchema, usageResponseSchema } from '@mc/shared'
import type { RouteDeps } from '../app-deps.ts'
import { HttpError } from '../http/http-error.ts'
import type { RouteDef } from '../http/route.ts'
import { parseQuery } from '../http/validation.ts'

/** Without `since`, the report covers 30 UTC days: `until`'s and the 29 before it. */
const DEFAULT_DAYS = 30
const DAY_S = 86_400

/** The UTC day (`YYYY-MM-DD`) a unix time falls on. */
const utcDay = (seconds: number) => new Date(seconds * 1000).toISOString().slice(0, 10)

/** Tokens and estimated cost of gateway sessions and CLI agents, grouped, with a daily series. */
export function usageRoutes({ db }: Pick<RouteDeps, 'db'>): RouteDef[] {
  return [
    {
      method: 'GET',
      path: '/usage',
      access: 'viewer',
      doc: {
        summary: 'Get token usage and cost',
        description:
          'Tokens and estimated cost of gateway sessions and CLI agents (priced by the model price ' +
          'table), grouped by gateway, agent or model, with a series per UTC day; default: the last ' +
          '30 UTC days.',
        query: usageQuerySchema,
        responses: { 200: usageResponseSchema },
      },
      handler: async (c) => {
        const query = parseQuery(c, usageQuerySchema)
        const until = query.until ?? Math.floor(Date.now() / 1000)
        const since = query.since ?? until - (DEFAULT_DAYS - 1) * DAY_S
        if (since > until) {
          throw new HttpError(400, 'since must not be after until', [
            { path: 'since', message: 'must not be after until' },
          ])
        }
        const report = await usageReport(db, {
          groupBy: query.group_by,
          sinceDay: utcDay(since),
          untilDay: utcDay(until),
        })
        return c.json(report)
      },
    },
  ]
}
