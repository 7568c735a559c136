/**
 * Runs `run` one batch at a time: what is added while a batch runs waits, merged by id (the first
 * value given for an id is kept), for the next one. The promise `add` returns settles once a batch
 * holding its entries has run. So evaluations that facts trigger in bursts (a sweep stores probes in
 * dozens of groups) take one database connection at a time, and none of them is lost.
 *
 * With `minIntervalMs`, a batch starts no sooner than that after the one before it started: facts
 * that keep arriving (token usage with every heartbeat) are evaluated a few times a second, in
 * bigger batches, instead of back to back for as long as they arrive.
 */
export function coalescingRunner<V>(
  run: (batch: Map<number, V>) => Promise<void>,
  onError: (error: unknown) => void,
  minIntervalMs = 0,
) {
  let pending = new Map<number, V>()
  let waiting: (() => void)[] = []
  let draining = false
  let lastStart = Number.NEGATIVE_INFINITY

  async function drain(): Promise<void> {
    draining = true
    while (pending.size > 0 || waiting.length > 0) {
      const wait = lastStart + minIntervalMs - performance.now()
      // Unref'd: a pending evaluation never keeps a stopping process alive.
      if (wait > 0) {
        await new Promise((resolve) => setTimeout(resolve, Math.ceil(wait)).unref())
        continue
      }
      lastStart = performance.now()
      const batch = pending
      const done = waiting
      pending = new Map()
      waiting = []
      // A failed batch is reported, its callers settle, and the next batch still runs.
      await run(batch).catch(onError)
      for (const settle of done) settle()
    }
    draining = false
  }

  return (entries: Iterable<[number, V]>): Promise<void> =>
    new Promise((resolve) => {
      for (const [id, value] of entries) if (!pending.has(id)) pending.set(id, value)
      waiting.push(resolve)
      if (!draining) void drain()
    })
}
