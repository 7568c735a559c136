import { type Database, type HeartbeatInput, type HeartbeatOutcome, recordHeartbeats } from '@mc/db'

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
    try {
      const outcomes = await recordHeartbeats(
        db,
        batch.map((p) => p.input),
        timeoutS,
      )
      batch.forEach((p, i) => {
        const outcome = outcomes[i]
        if (outcome) p.resolve(outcome)
        else p.reject(new Error('heartbeat batch returned too few outcomes'))
      })
    } catch (error) {
      for (const p of batch) p.reject(error)
    }
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
