import { expireConnections } from '@mc/db'
import { publishEvents, QUEUES } from '@mc/runtime'
import type { McEvent } from '@mc/shared'
import type { WorkerContext } from '../worker-context.ts'
import { defineJob } from './job-definition.ts'

/**
 * Every EXPIRY_SWEEP_S: CLI connections whose heartbeats stopped become disconnected, and agents
 * left without a live connection go offline, in one set-based statement on database time.
 */
export const expireStaleConnections = ({
  db,
  redis,
  config,
}: Pick<WorkerContext, 'db' | 'redis' | 'config'>) =>
  defineJob<Record<string, never>>({
    queue: QUEUES.expireConnections,
    every: { ms: config.EXPIRY_SWEEP_S * 1000, data: {} },
    async process() {
      const expired = await expireConnections(db)
      const at = Math.floor(Date.now() / 1000)
      await publishEvents(redis, config.REDIS_PREFIX, [
        ...expired.connections.map(
          ({ connectionId, agentId }): McEvent => ({
            type: 'connection.disconnected',
            connection_id: connectionId,
            agent_id: agentId,
            reason: 'heartbeat_timeout',
            at,
          }),
        ),
        ...expired.agents.map(
          (agent): McEvent => ({
            type: 'agent.status',
            agent_id: agent.id,
            name: agent.name,
            status: 'offline',
            at,
          }),
        ),
      ])
      return { connections: expired.connections.length, agents: expired.agents.length }
    },
  })
