import {
  type ChannelEvent,
  createRedis,
  EVENT_LOG_MAX_LENGTH,
  eventLogKey,
  eventsChannel,
  type Logger,
  parseEventMessages,
} from '@mc/runtime'
import { errorMessage, type McEvent } from '@mc/shared'

/** An event with its id in the Redis event log (`<ms>-<seq>`, the SSE event id) and its JSON as published. */
export type LoggedEvent = ChannelEvent

export type EventListener = (logged: LoggedEvent) => void
/** Events may have been missed (the subscription dropped and came back): reload what depends on them. */
export type GapListener = () => void

/** At most this many missed events are replayed to a resuming browser; beyond, it reloads its data. */
export const MAX_REPLAY = EVENT_LOG_MAX_LENGTH

/** Compares two stream ids (`<ms>-<seq>`) numerically. */
export function compareLogIds(a: string, b: string): number {
  const [aMs = 0, aSeq = 0] = a.split('-').map(Number)
  const [bMs = 0, bSeq = 0] = b.split('-').map(Number)
  return aMs - bMs || aSeq - bSeq
}

/** The Redis client name of each api process's event subscription (visible in CLIENT LIST). */
export const eventSubscriberName = (prefix: string) => `${prefix}:events-subscriber`

export const LOG_ID = /^\d{1,15}-\d{1,10}$/
export const isLogId = (value: string) => LOG_ID.test(value)

/**
 * One Redis subscription per api process, fanned out to every listener in it (event streams,
 * relays), so events from the worker and from any replica reach every browser.
 */
export function createEventHub(redisUrl: string, prefix: string, logger: Logger) {
  const listeners = new Set<EventListener>()
  const gapListeners = new Set<GapListener>()
  const closing = new AbortController()
  // Reads of the log share the subscriber's settings but not its connection (it is in subscribe mode).
  const reader = createRedis(redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false })
  const subscriber = createRedis(redisUrl, { connectionName: eventSubscriberName(prefix) })
  reader.on('error', () => {})
  subscriber.on('error', (err) => logger.warn({ err: err.message }, 'event subscription error'))
  const ready = subscriber.subscribe(eventsChannel(prefix))
  ready.catch(() => {})
  // ioredis re-subscribes by itself after a reconnect, but what was published meanwhile is gone.
  let connectedBefore = false
  subscriber.on('ready', () => {
    if (!connectedBefore) {
      connectedBefore = true
      return
    }
    logger.warn('event subscription restored: telling listeners to reload')
    for (const listener of gapListeners) listener()
  })
  const readerReady = new Promise<void>((resolve) =>
    reader.status === 'ready' ? resolve() : reader.once('ready', () => resolve()),
  )
  subscriber.on('message', (_channel: string, message: string) => {
    for (const logged of parseEventMessages(message)) {
      for (const listener of listeners) {
        try {
          listener(logged)
        } catch (error) {
          logger.error({ err: errorMessage(error) }, 'event listener failed')
        }
      }
    }
  })

  return {
    /** Aborted when the process shuts down: long-lived streams end on it. */
    closing: closing.signal,
    /** Resolves once this process receives events and can read the log. */
    ready: () => Promise.all([ready, readerReady]).then(() => undefined),
    subscribe(listener: EventListener, onGap?: GapListener): () => void {
      listeners.add(listener)
      if (onGap) gapListeners.add(onGap)
      return () => {
        listeners.delete(listener)
        if (onGap) gapListeners.delete(onGap)
      }
    },
    /**
     * The events after `lastId`, oldest first, or `'gap'` when the log no longer reaches back that far
     * (or more than MAX_REPLAY were missed): the browser must then reload what it shows.
     */
    async replaySince(lastId: string): Promise<LoggedEvent[] | 'gap'> {
      const key = eventLogKey(prefix)
      const oldest = (await reader.xrange(key, '-', '+', 'COUNT', 1))[0]
      // An empty log with a known id: Redis lost it (restarted without persistence).
      if (!oldest || compareLogIds(oldest[0], lastId) > 0) return 'gap'
      const entries = await reader.xrange(key, `(${lastId}`, '+', 'COUNT', MAX_REPLAY + 1)
      if (entries.length > MAX_REPLAY) return 'gap'
      const replay: LoggedEvent[] = []
      for (const [id, fields] of entries) {
        const json = fields[1]
        if (json) replay.push({ id, event: JSON.parse(json) as McEvent, json })
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
      gapListeners.clear()
      subscriber.disconnect()
      reader.disconnect()
    },
  }
}

export type EventHub = ReturnType<typeof createEventHub>
