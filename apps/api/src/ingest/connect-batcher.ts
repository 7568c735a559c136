import type { AlertEvaluator } from '@mc/alerting'
import { type ConnectedAgent, type ConnectInput, connectAgents, type Database } from '@mc/db'
import type { EventPublisher } from '@mc/runtime'
import { agentStatusEvent, connectionEvent, type McEvent, nowUnixSeconds } from '@mc/shared'
import { type BatcherOptions, createCoalescingBatcher } from './coalescing-batcher.ts'

/** What one connect announces: the connections it retired, its own, and its agent online. */
function connectEvents({ agent, connection, replaced }: ConnectedAgent, at: number): McEvent[] {
  const ofAgent = (connectionId: string) => ({ connectionId, agentId: agent.id })
  return [
    ...replaced.map((old) => connectionEvent('connection.disconnected', ofAgent(old), 'replaced', at)),
    connectionEvent('connection.connected', ofAgent(connection.connectionId), null, at),
    agentStatusEvent(agent, 'online', at),
  ]
}

/**
 * `POST /api/connect`s coalesced into one transaction per batch, whose events go out in one
 * publish: per request, the commit, the round trips and the publishes were what limited connects.
 * Each connect is settled on its own, so a refused one never fails the others of its batch.
 */
export function createConnectBatcher(
  db: Database,
  events: EventPublisher,
  alerts: AlertEvaluator,
  options?: BatcherOptions,
) {
  const connect = createCoalescingBatcher<ConnectInput, ConnectedAgent>(async (inputs) => {
    const settled = await connectAgents(db, inputs)
    const at = nowUnixSeconds()
    const connected = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []))
    events.publishAll(connected.flatMap((value) => connectEvents(value, at)))
    // Not awaited: an agent back resolves its `agent_lost` incident without holding up its connect.
    void alerts.afterAgentActivity([...new Set(connected.map((value) => value.agent.id))])
    return settled
  }, options)
  return { connect }
}

export type ConnectBatcher = ReturnType<typeof createConnectBatcher>
