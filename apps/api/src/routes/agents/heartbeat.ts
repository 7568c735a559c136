import { type HeartbeatResponse, heartbeatRequestSchema, heartbeatResponseSchema } from '@mc/shared'
import type { RouteDeps } from '../../app-deps.ts'
import { agentRefParamsSchema, parseAgentRef } from '../../http/agent-ref.ts'
import { HttpError } from '../../http/http-error.ts'
import type { RouteDef } from '../../http/route.ts'
import { parseBody } from '../../http/validation.ts'

/** A CLI connection's heartbeat, with the token usage it carries; written in batches. */
export function heartbeatRoutes({ heartbeats }: Pick<RouteDeps, 'heartbeats'>): RouteDef[] {
  return [
    {
      method: 'POST',
      path: '/agents/:id/heartbeat',
      access: 'operator',
      doc: {
        summary: 'Send a CLI heartbeat',
        description:
          'Keeps a CLI connection (and its agent) online until `next_heartbeat_before`, and records ' +
          "the token usage it carries: the seed's `tokens`, or the older `token_usage`. Written in " +
          'batches. 404 for a connection this agent does not have; 409 for a disconnected one, with ' +
          '`details.reason`: `heartbeat_timeout` or `disconnected` (register again with POST ' +
          '/api/connect) or `replaced` (a newer connection took over: step aside).',
        params: agentRefParamsSchema,
        body: heartbeatRequestSchema,
        responses: { 200: heartbeatResponseSchema },
        errors: [404, 409],
      },
      handler: async (c) => {
        const agent = parseAgentRef(c)
        const body = await parseBody(c, heartbeatRequestSchema)
        const outcome = await heartbeats.record({
          agent,
          connectionId: body.connection_id,
          tokens: body.tokens ?? null,
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
  ]
}
