export interface BatcherOptions {
  /** The most items one batch carries. */
  maxBatch?: number
  /** How long the first item of a batch waits for others. */
  maxWaitMs?: number
  /** Batches written at once; what arrives meanwhile waits for the next one (group commit). */
  maxInFlight?: number
}

interface Pending<In, Out> {
  input: In
  resolve: (outcome: Out) => void
  reject: (error: unknown) => void
}

/**
 * Coalesces the items that arrive within `maxWaitMs` (or `maxBatch` of them) into one call of
 * `settleAll`, which answers each item on its own, in order. Each write costs Postgres a round
 * trip, a commit and a process wake-up otherwise, which is what limits ingest; waiting a couple of
 * milliseconds lets many requests share them.
 *
 * At most `maxInFlight` batches run at once. Unbounded, a loaded machine had dozens of small
 * batches queueing on the same rows' locks until they ran into the statement timeout; bounded,
 * batches grow instead.
 */
export function createCoalescingBatcher<In, Out>(
  settleAll: (inputs: In[]) => Promise<PromiseSettledResult<Out>[]>,
  { maxBatch = 250, maxWaitMs = 2, maxInFlight = 4 }: BatcherOptions = {},
) {
  let pending: Pending<In, Out>[] = []
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

  async function settle(batch: Pending<In, Out>[]): Promise<void> {
    let settled: PromiseSettledResult<Out>[]
    try {
      settled = await settleAll(batch.map((p) => p.input))
    } catch (error) {
      for (const p of batch) p.reject(error)
      return
    }
    batch.forEach((p, i) => {
      const result = settled[i]
      if (result?.status === 'fulfilled') p.resolve(result.value)
      else p.reject(result ? result.reason : new Error('a batch returned too few results'))
    })
  }

  /** Resolves with the item's own outcome once its batch is written. */
  return (input: In): Promise<Out> =>
    new Promise((resolve, reject) => {
      pending.push({ input, resolve, reject })
      schedule()
    })
}
