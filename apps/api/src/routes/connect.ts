import { randomBytes } from 'node:crypto'
import { disconnectConnection, listConnections } from '@mc/db'
import {
  agentStatusEvent,
  type ConnectResponse,
  connectionEvent,
  connectionsQuerySchema,
  connectRequestSchema,
  disconnectRequestSchema,
  nowUnixSeconds,
} from '@mc/shared'
import type { RouteDeps } from '../app-deps.ts'
import { HttpError } from '../http/http-error.ts'
import type { RouteDef } from '../http/route.ts'
import { parseBody, parseQuery } from '../http/validation.ts'
import { presentConnection } from '../presenters/connections.ts'

/**
 * The seed's Direct CLI Connections: register (in batches, which announce their events), list,
 * disconnect. Postgres only on the write paths.
 */
export function connectRoutes({
  db,
  config,
  events,
  connects,
}: Pick<RouteDeps, 'db' | 'config' | 'events' | 'connects'>): RouteDef[] {
  return [
    {
      method: 'POST',
      path: '/connect',
      access: 'operator',
      handler: async (c) => {
        const body = await parseBody(c, connectRequestSchema)
        const { agent, connection } = await connects.connect({
          agentName: body.agent_name,
          agentRole: body.agent_role,
          toolName: body.tool_name,
          toolVersion: body.tool_version ?? null,
          metadata: body.metadata ?? null,
          connectionId: `conn-${randomBytes(12).toString('hex')}`,
          timeoutS: config.HEARTBEAT_TIMEOUT_S,
        })
        const response: ConnectResponse = {
          connection_id: connection.connectionId,
          agent_id: agent.id,
          agent_name: agent.name,
          status: 'connected',
          heartbeat_url: `/api/agents/${agent.id}/heartbeat`,
          heartbeat_interval_s: config.HEARTBEAT_INTERVAL_S,
        }
        return c.json(response)
      },
    },
    {
      method: 'GET',
      path: '/connect',
      access: 'viewer',
      handler: async (c) => {
        const query = parseQuery(c, connectionsQuerySchema)
        const page = await listConnections(db, query)
        return c.json({ connections: page.rows.map(presentConnection), next_before: page.nextBefore })
      },
    },
    {
      method: 'DELETE',
      path: '/connect',
      access: 'operator',
      handler: async (c) => {
        const { connection_id } = await parseBody(c, disconnectRequestSchema)
        const result = await disconnectConnection(db, connection_id, 'disconnected')
        if (!result) throw new HttpError(404, `no connection ${connection_id}`)
        if (result.changed) {
          const at = nowUnixSeconds()
          const { agentId } = result.connection
          const agent = result.offlineAgent
          events.publishAll([
            connectionEvent(
              'connection.disconnected',
              { connectionId: connection_id, agentId },
              'disconnected',
              at,
            ),
            ...(agent ? [agentStatusEvent(agent, 'offline', at)] : []),
          ])
        }
        return c.json({ status: 'disconnected' as const, connection_id })
      },
    },
  ]
}
