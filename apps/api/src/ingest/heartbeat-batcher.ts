import { type Database, type HeartbeatInput, type HeartbeatOutcome, recordHeartbeats } from '@mc/db'
import { type BatcherOptions, createCoalescingBatcher } from './coalescing-batcher.ts'

/**
 * Heartbeats coalesced into one statement per batch; each is settled on its own, so a bad one
 * never fails the others of its batch.
 */
export function createHeartbeatBatcher(db: Database, timeoutS: number, options?: BatcherOptions) {
  const record = createCoalescingBatcher<HeartbeatInput, HeartbeatOutcome>(
    (inputs) => recordHeartbeats(db, inputs, timeoutS),
    options,
  )
  return { record }
}

export type HeartbeatBatcher = ReturnType<typeof createHeartbeatBatcher>
