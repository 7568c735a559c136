import type { AlertEvaluator } from '@mc/alerting'
import { type Database, type HeartbeatInput, type HeartbeatOutcome, recordHeartbeats } from '@mc/db'
import type { EventPublisher } from '@mc/runtime'
import { connectionEvent, type McEvent, nowUnixSeconds } from '@mc/shared'
import type { ApiMetrics } from '../metrics/api-metrics.ts'
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
  metrics: Pick<ApiMetrics, 'observeHeartbeats'>,
  options?: BatcherOptions,
) {
  const record = createCoalescingBatcher<HeartbeatInput, HeartbeatOutcome>(async (inputs) => {
    const settled = await recordHeartbeats(db, inputs, timeoutS)
    metrics.observeHeartbeats(settled)
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
    // Recorded tokens may break a budget. (A heartbeat never brings a lost agent back: it needs a
    // live connection, which a lost agent has not; its next connect does.) Not awaited: rule
    // evaluation never holds up the heartbeats' answers.
    const spending = settled.flatMap((s) =>
      s.status === 'fulfilled' && s.value.kind === 'ok' && s.value.tokenRecorded ? [s.value.agentId] : [],
    )
    if (spending.length > 0) void alerts.afterUsage([...new Set(spending)])
    return settled
  }, options)
  return { record }
}

export type HeartbeatBatcher = ReturnType<typeof createHeartbeatBatcher>
