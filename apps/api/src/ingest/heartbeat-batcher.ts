import {
  type Database,
  type HeartbeatInput,
  type HeartbeatOutcome,
  type HeartbeatSettlement,
  recordHeartbeats,
} from '@mc/db'

interface Pending {
  input: HeartbeatInput
  resolve: (outcome: HeartbeatOutcome) => void
  reject: (error: unknown) => void
}

/**
 * Coalesces the heartbeats that arrive within `maxWaitMs` (or `maxBatch` of them) into one
 * statement. Each costs Postgres a round trip and a process wake-up otherwise, which is what limits
 * ingest; waiting a couple of milliseconds lets thousands of tools share them.
 */
export function createHeartbeatBatcher(
  db: Database,
  timeoutS: number,
  { maxBatch = 250, maxWaitMs = 2 } = {},
) {
  let pending: Pending[] = []
  let timer: NodeJS.Timeout | undefined

  async function flush(): Promise<void> {
    clearTimeout(timer)
    timer = undefined
    const batch = pending
    pending = []
    if (batch.length === 0) return
    let settled: HeartbeatSettlement[]
    try {
      // Each heartbeat is settled on its own: a bad one never fails the others of its batch.
      settled = await recordHeartbeats(
        db,
        batch.map((p) => p.input),
        timeoutS,
      )
    } catch (error) {
      for (const p of batch) p.reject(error)
      return
    }
    batch.forEach((p, i) => {
      const result = settled[i]
      if (result?.status === 'fulfilled') p.resolve(result.value)
      else p.reject(result ? result.reason : new Error('heartbeat batch returned too few results'))
    })
  }

  return {
    record(input: HeartbeatInput): Promise<HeartbeatOutcome> {
      return new Promise((resolve, reject) => {
        pending.push({ input, resolve, reject })
        if (pending.length >= maxBatch) void flush()
        else timer ??= setTimeout(() => void flush(), maxWaitMs)
      })
    },
    /** Writes what is still waiting (graceful shutdown). */
    flush,
  }
}

export type HeartbeatBatcher = ReturnType<typeof createHeartbeatBatcher>
