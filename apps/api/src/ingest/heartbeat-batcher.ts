import type { AlertEvaluator } from '@mc/alerting'
import { type Database, type HeartbeatInput, type HeartbeatOutcome, recordHeartbeats } from '@mc/db'
import type { EventPublisher } from '@mc/runtime'
import { connectionEvent, type McEvent, nowUnixSeconds } from '@mc/shared'
import { type BatcherOptions, createCoalescingBatcher } from './coalescing-batcher.ts'

/**
 * Heartbeats coalesced into one statement per batch, whose `connection.heartbeat` events go out in
 * one publish; each is settled on its own, so a bad one never fails the others of its batch.
 */
export function createHeartbeatBatcher(
  db: Database,
  timeoutS: number,
  events: EventPublisher,
  alerts: AlertEvaluator,
  options?: BatcherOptions,
) {
  const record = createCoalescingBatcher<HeartbeatInput, HeartbeatOutcome>(async (inputs) => {
    const settled = await recordHeartbeats(db, inputs, timeoutS)
    const at = nowUnixSeconds()
    events.publishAll(
      settled.flatMap((s, i): McEvent[] =>
        s.status === 'fulfilled' && s.value.kind === 'ok'
          ? [
              connectionEvent(
                'connection.heartbeat',
                { connectionId: inputs[i]?.connectionId ?? '', agentId: s.value.agentId },
                null,
                at,
              ),
            ]
          : [],
      ),
    )
    const beating = settled.flatMap((s) =>
      s.status === 'fulfilled' && s.value.kind === 'ok' ? [s.value] : [],
    )
    // Not awaited: rule evaluation never holds up the heartbeats' answers.
    void alerts.afterAgentActivity([...new Set(beating.map((beat) => beat.agentId))])
    const spending = beating.filter((beat) => beat.tokenRecorded)
    if (spending.length > 0) void alerts.afterUsage([...new Set(spending.map((beat) => beat.agentId))])
    return settled
  }, options)
  return { record }
}

export type HeartbeatBatcher = ReturnType<typeof createHeartbeatBatcher>
