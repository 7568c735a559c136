import type { EventEmitter } from 'node:events'
import { PATIENCE_MS } from './patience.ts'

/**
 * Resolves with `items()` once it holds `count` items, checking on each `event`; rejects after the
 * test patience so a missing delivery fails the test with a message instead of hanging it.
 */
export function waitForCount<T>(
  emitter: EventEmitter,
  event: string,
  items: () => T[],
  count: number,
  what: string,
): Promise<T[]> {
  return new Promise((resolve, reject) => {
    const check = () => {
      if (items().length < count) return
      done()
      resolve(items())
    }
    const timer = setTimeout(() => {
      done()
      reject(new Error(`expected ${count} ${what}, got ${items().length} within ${PATIENCE_MS} ms`))
    }, PATIENCE_MS)
    const done = () => {
      clearTimeout(timer)
      emitter.off(event, check)
    }
    emitter.on(event, check)
    check()
  })
}
