import type { GatewayEvent } from '../../src/client/frame-channel.ts'

/** Every event a connection received, to wait on instead of sleeping. */
export interface EventLog {
  /** Pass as `connectGateway`'s `onEvent`, so that nothing right behind hello-ok is missed. */
  record(event: GatewayEvent): void
  readonly events: readonly GatewayEvent[]
  /** The first event, already received or still to come, that matches; rejects after `timeoutMs`. */
  waitFor(match: (event: GatewayEvent) => boolean, timeoutMs?: number): Promise<GatewayEvent>
}

const DEFAULT_WAIT_MS = 30_000

export function createEventLog(): EventLog {
  const events: GatewayEvent[] = []
  const waiters = new Set<() => void>()
  return {
    events,
    record(event) {
      events.push(event)
      for (const wake of waiters) wake()
    },
    waitFor(match, timeoutMs = DEFAULT_WAIT_MS) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = events.find(match)
          if (!found) return
          done()
          resolve(found)
        }
        const timer = setTimeout(() => {
          done()
          reject(new Error(`no matching event within ${timeoutMs} ms (${events.length} received)`))
        }, timeoutMs)
        const done = () => {
          clearTimeout(timer)
          waiters.delete(check)
        }
        waiters.add(check)
        check()
      })
    },
  }
}
