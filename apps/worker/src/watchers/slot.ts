/** Runs `work` once there is room for it; a `signal` that aborts while it waits takes it out of the queue. */
export type Slot = <T>(work: () => Promise<T>, signal?: AbortSignal) => Promise<T>

/**
 * At most `limit` works run at once; the others wait in turn. A stopped watcher leaves the queue as
 * soon as its signal aborts, instead of waiting for its turn behind the thousands queued before it
 * (a worker giving 5,000 gateways up held their leases that long).
 */
export function createSlot(limit: number): Slot {
  let running = 0
  // Insertion-ordered, and a waiter that gives up leaves it in O(1).
  const waiting = new Set<() => void>()

  function release(): void {
    const [next] = waiting
    if (!next) {
      running -= 1
      return
    }
    // Its place goes straight to the next in turn: nobody slips in between.
    waiting.delete(next)
    next()
  }

  function turn(signal: AbortSignal | undefined): Promise<void> {
    signal?.throwIfAborted()
    if (running < limit) {
      running += 1
      return Promise.resolve()
    }
    return new Promise((resolve, reject) => {
      const start = () => {
        signal?.removeEventListener('abort', giveUp)
        resolve()
      }
      const giveUp = () => {
        waiting.delete(start)
        reject(signal?.reason)
      }
      waiting.add(start)
      signal?.addEventListener('abort', giveUp, { once: true })
    })
  }

  return async (work, signal) => {
    await turn(signal)
    try {
      return await work()
    } finally {
      release()
    }
  }
}
