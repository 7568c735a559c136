interface Waiting<I, O> {
  item: I
  resolve: (result: O) => void
  reject: (error: unknown) => void
}

export interface BatcherOptions<I> {
  /** A batch holds items up to this total size (one item at least, whatever its size). */
  maxSize: number
  /** An item's size; 1 unless told. */
  sizeOf?: (item: I) => number
}

/**
 * Runs many callers' items together: the items asked for in the same turn of the event loop, or
 * while the previous batch ran, go in one `run`, so that thousands of watchers starting at once
 * run one statement per batch instead of one each, and a caller alone waits for no timer. One
 * batch runs at a time, so one caller's items are run in the order it asked. `run` answers per
 * item, in order; a batch that fails fails each of its callers.
 */
export function createBatcher<I, O>(
  run: (items: I[]) => Promise<O[]>,
  { maxSize, sizeOf = () => 1 }: BatcherOptions<I>,
): (item: I) => Promise<O> {
  let waiting: Waiting<I, O>[] = []
  let busy = false

  function nextBatch(): Waiting<I, O>[] {
    let size = 0
    let count = 0
    for (const entry of waiting) {
      size += sizeOf(entry.item)
      if (count > 0 && size > maxSize) break
      count += 1
    }
    const batch = waiting.slice(0, count)
    waiting = waiting.slice(count)
    return batch
  }

  async function drain(): Promise<void> {
    while (waiting.length > 0) {
      const batch = nextBatch()
      try {
        const results = await run(batch.map((entry) => entry.item))
        for (const [i, entry] of batch.entries()) entry.resolve(results[i] as O)
      } catch (error) {
        for (const entry of batch) entry.reject(error)
      }
    }
    busy = false
  }

  return (item) =>
    new Promise<O>((resolve, reject) => {
      waiting.push({ item, resolve, reject })
      if (busy) return
      busy = true
      setImmediate(() => void drain())
    })
}
