import { agentTokenTotals, findAgent, listAgents, listConnections } from '@mc/db'
import {
  type AgentDetailResponse,
  agentsQuerySchema,
  type HeartbeatResponse,
  heartbeatRequestSchema,
} from '@mc/shared'
import type { Context } from 'hono'
import type { RouteDeps } from '../app-env.ts'
import { HttpError } from '../http/http-error.ts'
import type { RouteDef } from '../http/route.ts'
import { idFromText, parseBody, parseQuery } from '../http/validation.ts'
import { presentAgent } from '../presenters/agents.ts'
import { presentConnection } from '../presenters/connections.ts'

/**
 * `:id` is the agent's numeric id or its name, as CLI tools know one or the other. Digits are an
 * id (Hono has already decoded the parameter).
 */
function agentRef(c: Context): number | string {
  const raw = c.req.param('id') ?? ''
  if (raw === '' || raw.length > 200) throw new HttpError(400, 'the agent id or name is missing or too long')
  return /^\d+$/.test(raw) ? idFromText(raw) : raw
}

export function agentRoutes({ db, heartbeats, events }: RouteDeps): RouteDef[] {
  return [
    {
      method: 'POST',
      path: '/agents/:id/heartbeat',
      access: 'operator',
      handler: async (c) => {
        const agent = agentRef(c)
        const body = await parseBody(c, heartbeatRequestSchema)
        const usage =
          body.tokens ??
          (body.token_usage && {
            model: body.token_usage.model,
            input: body.token_usage.inputTokens,
            output: body.token_usage.outputTokens,
          })
        const outcome = await heartbeats.record({
          agent,
          connectionId: body.connection_id,
          tokens: usage ?? null,
        })
        if (outcome.kind === 'invalid') {
          throw new HttpError(400, 'invalid heartbeat', [{ path: '', message: outcome.message }])
        }
        if (outcome.kind === 'not_found') {
          throw new HttpError(404, `no connection ${body.connection_id} for agent ${agent}`)
        }
        if (outcome.kind === 'disconnected') {
          // The reason tells a tool whether to reconnect (expired) or step aside (replaced by a newer one).
          throw new HttpError(
            409,
            `connection ${body.connection_id} is disconnected: register again with POST /api/connect`,
            { reason: outcome.reason },
          )
        }
        events.publish({
          type: 'connection.heartbeat',
          connection_id: body.connection_id,
          agent_id: outcome.agentId,
          reason: null,
          at: Math.floor(Date.now() / 1000),
        })
        const response: HeartbeatResponse = {
          status: 'ok',
          agent_id: outcome.agentId,
          connection_id: body.connection_id,
          token_recorded: outcome.tokenRecorded,
          next_heartbeat_before: Math.floor(outcome.expiresAt.getTime() / 1000),
        }
        return c.json(response)
      },
    },
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
        const ref = agentRef(c)
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
