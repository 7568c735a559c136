import { type ExpiredConnections, expireConnections } from '@mc/db'
import { publishEvents, QUEUES } from '@mc/runtime'
import { agentStatusEvent, connectionEvent, type McEvent, nowUnixSeconds } from '@mc/shared'
import type { WorkerContext } from '../worker-context.ts'
import { defineJob } from './job-definition.ts'

/**
 * A sweep that expires more connections than this announces them with one `connection.expired`
 * instead of a `connection.disconnected` each: ten thousand at once would otherwise fill half the
 * event log (about 20,000 events), and every dashboard a moment behind would have to resync. Up
 * to this many, views patch each connection in place; beyond, they ask for their lists again.
 */
export const PER_CONNECTION_EVENTS_MAX = 100

/** What a sweep announces: its connections (one by one, or summed up), then each agent gone offline. */
export function expiryEvents(expired: ExpiredConnections, at: number): McEvent[] {
  const connections: McEvent[] =
    expired.connections.length > PER_CONNECTION_EVENTS_MAX
      ? [{ type: 'connection.expired', count: expired.connections.length, at }]
      : expired.connections.map((connection) =>
          connectionEvent('connection.disconnected', connection, 'heartbeat_timeout', at),
        )
  return [...connections, ...expired.agents.map((agent) => agentStatusEvent(agent, 'offline', at))]
}

/**
 * Every EXPIRY_SWEEP_S: CLI connections whose heartbeats stopped become disconnected, and agents
 * left without a live connection go offline, in one set-based statement on database time.
 */
export const expireStaleConnections = ({
  db,
  redis,
  config,
  alertEvaluator,
  metrics,
}: Pick<WorkerContext, 'db' | 'redis' | 'config' | 'alertEvaluator' | 'metrics'>) =>
  defineJob<Record<string, never>>({
    queue: QUEUES.expireConnections,
    every: { ms: config.EXPIRY_SWEEP_S * 1000, data: {} },
    async process() {
      const started = performance.now()
      const expired = await expireConnections(db)
      metrics.observeExpirySweep((performance.now() - started) / 1000)
      await publishEvents(redis, config.REDIS_PREFIX, expiryEvents(expired, nowUnixSeconds()))
      await alertEvaluator.afterExpiry(expired.agents.map((agent) => agent.id))
      return { connections: expired.connections.length, agents: expired.agents.length }
    },
  })
