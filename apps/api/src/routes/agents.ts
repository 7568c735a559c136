import { agentTokenTotals, findAgent, listAgents, listConnections } from '@mc/db'
import {
  type AgentDetailResponse,
  agentDetailResponseSchema,
  agentsQuerySchema,
  agentsResponseSchema,
} from '@mc/shared'
import type { RouteDeps } from '../app-deps.ts'
import { agentRefParamsSchema, parseAgentRef } from '../http/agent-ref.ts'
import { HttpError } from '../http/http-error.ts'
import type { RouteDef } from '../http/route.ts'
import { parseQuery } from '../http/validation.ts'
import { presentAgent } from '../presenters/agents.ts'
import { presentConnection } from '../presenters/connections.ts'

/** The agents Mission Control knows, with their CLI connections and token usage. */
export function agentRoutes({ db }: Pick<RouteDeps, 'db'>): RouteDef[] {
  return [
    {
      method: 'GET',
      path: '/agents',
      access: 'viewer',
      doc: {
        summary: 'List agents',
        description:
          'The CLI agents Mission Control knows (registered with POST /api/connect), filtered by ' +
          'status or by a case-insensitive name search, a page at a time by `limit` and `offset`, ' +
          'with how many match in all.',
        query: agentsQuerySchema,
        responses: { 200: agentsResponseSchema },
      },
      handler: async (c) => {
        const query = parseQuery(c, agentsQuerySchema)
        const { rows, total } = await listAgents(db, query)
        return c.json({ agents: rows.map(presentAgent), total })
      },
    },
    {
      method: 'GET',
      path: '/agents/:id',
      access: 'viewer',
      doc: {
        summary: 'Get an agent',
        description:
          'One agent, by its numeric id or its name, with its open CLI connections (up to 100) and ' +
          'its token totals per model over the last 24 hours, 7 days and all time.',
        params: agentRefParamsSchema,
        responses: { 200: agentDetailResponseSchema },
        errors: [404],
      },
      handler: async (c) => {
        const ref = parseAgentRef(c)
        const agent = await findAgent(db, ref)
        if (!agent) throw new HttpError(404, `no agent ${ref}`)
        const [connections, tokens] = await Promise.all([
          listConnections(db, { agentId: agent.id, status: 'connected', limit: 100 }),
          agentTokenTotals(db, agent.id),
        ])
        const body: AgentDetailResponse = {
          agent: presentAgent(agent),
          connections: connections.rows.map(presentConnection),
          tokens: { '24h': tokens.day, '7d': tokens.week, all: tokens.all },
        }
        return c.json(body)
      },
    },
  ]
}
