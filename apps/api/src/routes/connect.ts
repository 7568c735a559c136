import { randomBytes } from 'node:crypto'
import { disconnectConnection, listConnections } from '@mc/db'
import {
  agentStatusEvent,
  type ConnectResponse,
  connectionEvent,
  connectionsQuerySchema,
  connectionsResponseSchema,
  connectRequestSchema,
  connectResponseSchema,
  disconnectRequestSchema,
  disconnectResponseSchema,
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
      doc: {
        summary: 'Register a CLI connection',
        description:
          "The seed's Direct CLI Connections: a CLI tool registers its agent (created on first use, " +
          'then online) and gets a connection id to send heartbeats with, to `heartbeat_url` every ' +
          '`heartbeat_interval_s`. An open connection of the same agent and tool is replaced. ' +
          'Written in batches.',
        body: connectRequestSchema,
        responses: { 200: connectResponseSchema },
      },
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
      doc: {
        summary: 'List CLI connections',
        description:
          'Newest first, by status, agent or tool; pass `next_before` back as `before` for older ' + 'ones.',
        query: connectionsQuerySchema,
        responses: { 200: connectionsResponseSchema },
      },
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
      doc: {
        summary: 'Disconnect a CLI connection',
        description:
          'Ends the connection named in the body; its agent goes offline when it has no other open ' +
          'connection.',
        body: disconnectRequestSchema,
        responses: { 200: disconnectResponseSchema },
        errors: [404],
      },
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
