import { createRedis, type Logger, parseEventMessage } from '@mc/runtime'
import { eventLogKey, eventsChannel, type McEvent } from '@mc/shared'

export interface LoggedEvent {
  /** The event's id in the Redis event log (`<ms>-<seq>`), used as the SSE event id. */
  id: string
  event: McEvent
}

export type EventListener = (logged: LoggedEvent) => void

/** At most this many missed events are replayed to a resuming browser; beyond, it reloads its data. */
export const MAX_REPLAY = 5_000

/** Compares two stream ids (`<ms>-<seq>`) numerically. */
export function compareLogIds(a: string, b: string): number {
  const [aMs = 0, aSeq = 0] = a.split('-').map(Number)
  const [bMs = 0, bSeq = 0] = b.split('-').map(Number)
  return aMs - bMs || aSeq - bSeq
}

const LOG_ID = /^\d{1,15}-\d{1,10}$/
export const isLogId = (value: string) => LOG_ID.test(value)

/**
 * One Redis subscription per api process, fanned out to every listener in it (SSE streams, live
 * gateway sessions), so events from the worker and from any replica reach every browser.
 */
export function createEventHub(redisUrl: string, prefix: string, logger: Logger) {
  const listeners = new Set<EventListener>()
  const closing = new AbortController()
  // Reads of the log share the subscriber's settings but not its connection (it is in subscribe mode).
  const reader = createRedis(redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false })
  const subscriber = createRedis(redisUrl)
  reader.on('error', () => {})
  subscriber.on('error', (err) => logger.warn({ err: err.message }, 'event subscription error'))
  const ready = subscriber.subscribe(eventsChannel(prefix))
  ready.catch(() => {})
  subscriber.on('message', (_channel: string, message: string) => {
    const logged = parseEventMessage(message)
    if (!logged) return
    for (const listener of listeners) {
      try {
        listener(logged)
      } catch (error) {
        logger.error({ err: error instanceof Error ? error.message : String(error) }, 'event listener failed')
      }
    }
  })

  return {
    /** Aborted when the process shuts down: long-lived streams end on it. */
    closing: closing.signal,
    /** Resolves once this process receives events. */
    ready: () => ready.then(() => undefined),
    subscribe(listener: EventListener): () => void {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    /**
     * The events after `lastId`, oldest first, or `'gap'` when the log no longer reaches back that far
     * (or more than MAX_REPLAY were missed): the browser must then reload what it shows.
     */
    async replaySince(lastId: string): Promise<LoggedEvent[] | 'gap'> {
      const key = eventLogKey(prefix)
      const oldest = (await reader.xrange(key, '-', '+', 'COUNT', 1))[0]
      if (oldest && compareLogIds(oldest[0], lastId) > 0) return 'gap'
      const entries = await reader.xrange(key, `(${lastId}`, '+', 'COUNT', MAX_REPLAY + 1)
      if (entries.length > MAX_REPLAY) return 'gap'
      const replay: LoggedEvent[] = []
      for (const [id, fields] of entries) {
        const json = fields[1]
        if (json) replay.push({ id, event: JSON.parse(json) as McEvent })
      }
      return replay
    },
    /** The newest id in the log, so a fresh stream can tell the browser where it starts. */
    async latestId(): Promise<string | null> {
      const newest = (await reader.xrevrange(eventLogKey(prefix), '+', '-', 'COUNT', 1))[0]
      return newest ? newest[0] : null
    },
    close(): void {
      closing.abort()
      listeners.clear()
      subscriber.disconnect()
      reader.disconnect()
    },
  }
}

export type EventHub = ReturnType<typeof createEventHub>
