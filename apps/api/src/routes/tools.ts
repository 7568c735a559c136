import { listToolSummaries, type ToolWindow, toolDetail } from '@mc/db'
import {
  type ToolQuery,
  type ToolsResponse,
  toolNameSchema,
  toolQuerySchema,
  toolResponseSchema,
  toolsQuerySchema,
  toolsResponseSchema,
} from '@mc/shared'
import { z } from 'zod'
import type { RouteDeps } from '../app-deps.ts'
import { HttpError } from '../http/http-error.ts'
import type { RouteDef } from '../http/route.ts'
import { parseQuery } from '../http/validation.ts'
import { presentToolDetail, presentToolSummary } from '../presenters/tools.ts'

/** Without `since`, a tools window is the 24 hours before `until`. */
const DEFAULT_WINDOW_S = 24 * 3600

function toolWindow(query: ToolQuery): ToolWindow {
  const until = query.until ?? Math.floor(Date.now() / 1000)
  const since = query.since ?? until - DEFAULT_WINDOW_S
  if (since > until) {
    throw new HttpError(400, 'since must not be after until', [
      { path: 'since', message: 'must not be after until' },
    ])
  }
  return { gatewayId: query.gateway_id, since: new Date(since * 1000), until: new Date(until * 1000) }
}

const toolParamsSchema = z.object({ name: toolNameSchema })

/** Tool performance: every gateway × tool over a window, and one tool's hourly series and failures. */
export function toolRoutes({ db }: Pick<RouteDeps, 'db'>): RouteDef[] {
  return [
    {
      method: 'GET',
      path: '/tools',
      access: 'viewer',
      doc: {
        summary: 'List tool performance',
        description:
          'Calls, failures and latency of every tool on every gateway over a window (default: the ' +
          "last 24 hours); `degrading` when the last hour's p95 is at least twice the 7-day p95.",
        query: toolsQuerySchema,
        responses: { 200: toolsResponseSchema },
      },
      handler: async (c) => {
        const rows = await listToolSummaries(db, toolWindow(parseQuery(c, toolsQuerySchema)))
        const body: ToolsResponse = { tools: rows.map(presentToolSummary) }
        return c.json(body)
      },
    },
    {
      method: 'GET',
      path: '/tools/:name',
      access: 'viewer',
      doc: {
        summary: "Get a tool's performance",
        description:
          "One tool's hourly series and latest failures over a window (default: the last 24 hours), " +
          'on one gateway or summed over those that have it. 404 for a tool never called (there).',
        params: toolParamsSchema,
        query: toolQuerySchema,
        responses: { 200: toolResponseSchema },
        errors: [404],
      },
      handler: async (c) => {
        const parsed = toolNameSchema.safeParse(c.req.param('name'))
        if (!parsed.success) {
          throw new HttpError(400, 'invalid tool name', [
            { path: 'name', message: 'from 1 to 200 characters' },
          ])
        }
        const window = toolWindow(parseQuery(c, toolQuerySchema))
        const detail = await toolDetail(db, parsed.data, window)
        if (!detail) {
          const where = window.gatewayId === undefined ? 'any gateway' : `gateway ${window.gatewayId}`
          throw new HttpError(404, `no tool named ${JSON.stringify(parsed.data)} was ever called on ${where}`)
        }
        return c.json(presentToolDetail(parsed.data, window.gatewayId, detail))
      },
    },
  ]
}
