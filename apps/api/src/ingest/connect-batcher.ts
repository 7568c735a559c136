import { type ConnectedAgent, type ConnectInput, connectAgents, type Database } from '@mc/db'
import type { EventPublisher } from '@mc/runtime'
import type { McEvent } from '@mc/shared'
import { type BatcherOptions, createCoalescingBatcher } from './coalescing-batcher.ts'

const now = () => Math.floor(Date.now() / 1000)

/** What one connect announces: the connections it retired, its own, and its agent online. */
function connectEvents({ agent, connection, replaced }: ConnectedAgent): McEvent[] {
  return [
    ...replaced.map(
      (old): McEvent => ({
        type: 'connection.disconnected',
        connection_id: old,
        agent_id: agent.id,
        reason: 'replaced',
        at: now(),
      }),
    ),
    {
      type: 'connection.connected',
      connection_id: connection.connectionId,
      agent_id: agent.id,
      reason: null,
      at: now(),
    },
    { type: 'agent.status', agent_id: agent.id, name: agent.name, status: 'online', at: now() },
  ]
}

/**
 * `POST /api/connect`s coalesced into one transaction per batch, whose events go out in one
 * publish: per request, the commit, the round trips and the publishes were what limited connects.
 * Each connect is settled on its own, so a refused one never fails the others of its batch.
 */
export function createConnectBatcher(db: Database, events: EventPublisher, options?: BatcherOptions) {
  const connect = createCoalescingBatcher<ConnectInput, ConnectedAgent>(async (inputs) => {
    const settled = await connectAgents(db, inputs)
    events.publishAll(settled.flatMap((s) => (s.status === 'fulfilled' ? connectEvents(s.value) : [])))
    return settled
  }, options)
  return { connect }
}

export type ConnectBatcher = ReturnType<typeof createConnectBatcher>
