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
 *
 * At most `maxInFlight` statements run at once; what arrives meanwhile waits for the next one
 * (group commit). Unbounded, a loaded machine had dozens of small batches queueing on the same
 * agent rows' locks until they ran into the statement timeout; bounded, batches grow instead.
 */
export function createHeartbeatBatcher(
  db: Database,
  timeoutS: number,
  { maxBatch = 250, maxWaitMs = 2, maxInFlight = 4 } = {},
) {
  let pending: Pending[] = []
  let timer: NodeJS.Timeout | undefined
  let inFlight = 0

  function schedule(): void {
    if (pending.length === 0 || inFlight >= maxInFlight) return
    if (pending.length >= maxBatch) void flush()
    else timer ??= setTimeout(() => void flush(), maxWaitMs)
  }

  async function flush(): Promise<void> {
    clearTimeout(timer)
    timer = undefined
    if (inFlight >= maxInFlight) return
    const batch = pending.slice(0, maxBatch)
    pending = pending.slice(maxBatch)
    if (batch.length === 0) return
    inFlight += 1
    try {
      await settle(batch)
    } finally {
      inFlight -= 1
      schedule()
    }
  }

  async function settle(batch: Pending[]): Promise<void> {
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
        schedule()
      })
    },
  }
}

export type HeartbeatBatcher = ReturnType<typeof createHeartbeatBatcher>
