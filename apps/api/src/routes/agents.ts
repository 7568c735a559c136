import { agentTokenTotals, findAgent, listAgents, listConnections } from '@mc/db'
import { type AgentDetailResponse, agentsQuerySchema } from '@mc/shared'
import type { RouteDeps } from '../app-deps.ts'
import { parseAgentRef } from '../http/agent-ref.ts'
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
