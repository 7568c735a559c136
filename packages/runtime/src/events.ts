import { type McEvent, mcEventSchema } from '@mc/shared'
import type { Redis } from 'ioredis'
import { EVENT_LOG_MAX_LENGTH, eventLogKey, eventsChannel } from './event-keys.ts'
import { createRedis } from './redis.ts'

// Appending and publishing in one script keeps the log's order and the channel's order the same,
// whichever process publishes: a browser resuming from a log id then misses nothing and sees
// nothing twice. The message carries the log ids so every api replica hands out the same ids.
// ARGV: the log's length cap, then the events' JSON in order; returns their log ids. The events go
// out as one message, a line `<log id> <json>` each (JSON text never holds a raw line break): a
// batch of heartbeats then costs every subscriber one message to read, not one per event.
const APPEND_AND_PUBLISH = `
local ids = {}
local lines = {}
for i = 2, #ARGV do
  local id = redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[1], '*', 'e', ARGV[i])
  ids[#ids + 1] = id
  lines[#lines + 1] = id .. ' ' .. ARGV[i]
end
redis.call('PUBLISH', KEYS[2], table.concat(lines, '\\n'))
return ids`

/** Redis runs a script alone: a sweep's thousands of events go in several, so others get a turn. */
const EVENTS_PER_SCRIPT = 500

const toJson = (event: McEvent) => JSON.stringify(mcEventSchema.parse(event))

/** The arguments of one run of the script, which publishes the events in order. */
const appendAndPublish = (prefix: string, eventsJson: string[]) =>
  [
    APPEND_AND_PUBLISH,
    2,
    eventLogKey(prefix),
    eventsChannel(prefix),
    EVENT_LOG_MAX_LENGTH,
    ...eventsJson,
  ] as const

/** Announces an event to every api replica, and through them to every browser; returns its log id. */
export async function publishEvent(redis: Redis, prefix: string, event: McEvent): Promise<string> {
  const [id] = (await redis.eval(...appendAndPublish(prefix, [toJson(event)]))) as [string]
  return id
}

/**
 * Announces `events` as `publishEvent` does each, in order, in one round trip; returns their log
 * ids. Sends nothing if one is invalid; when Redis fails a part, rejects with that failure.
 */
export async function publishEvents(redis: Redis, prefix: string, events: McEvent[]): Promise<string[]> {
  const eventsJson = events.map(toJson)
  if (eventsJson.length === 0) return []
  const pipeline = redis.pipeline()
  for (let start = 0; start < eventsJson.length; start += EVENTS_PER_SCRIPT) {
    pipeline.eval(...appendAndPublish(prefix, eventsJson.slice(start, start + EVENTS_PER_SCRIPT)))
  }
  const results = (await pipeline.exec()) ?? []
  return results.flatMap(([error, ids]) => {
    if (error) throw error
    return ids as string[]
  })
}

/** One event as the channel carries it: its log id, the event, and its JSON as published. */
export interface ChannelEvent {
  id: string
  event: McEvent
  json: string
}

/**
 * Splits a channel message into its events, in order, each with its log id and its JSON as
 * published (streams send it on as it is, rather than serialising the event again for every
 * browser); a line that is not an event is skipped.
 */
export function parseEventMessages(message: string): ChannelEvent[] {
  const events: ChannelEvent[] = []
  for (let start = 0; start < message.length; ) {
    const end = message.indexOf('\n', start)
    const line = message.slice(start, end === -1 ? message.length : end)
    start = end === -1 ? message.length : end + 1
    const space = line.indexOf(' ')
    if (space <= 0) continue
    const json = line.slice(space + 1)
    try {
      events.push({ id: line.slice(0, space), event: JSON.parse(json) as McEvent, json })
    } catch {
      // Not an event: nothing else is published on the channel.
    }
  }
  return events
}

/**
 * Fire-and-forget publishing for request paths that must keep working while Redis is down
 * (connect, heartbeat): commands fail at once instead of queueing, and failures are only counted.
 * What is published in one turn of the event loop (the batches of heartbeats settled together,
 * say) goes out in order as one run of the script, so subscribers read one message for all of it.
 */
export function createEventPublisher(url: string, prefix: string, onError: (error: Error) => void) {
  const redis = createRedis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 0 })
  redis.on('error', () => {})
  let queued: McEvent[] = []
  const flush = () => {
    const events = queued
    queued = []
    publishEvents(redis, prefix, events).catch(onError)
  }
  const enqueue = (events: McEvent[]) => {
    if (events.length === 0) return
    if (queued.length === 0) setImmediate(flush)
    queued.push(...events)
  }
  return {
    publish(event: McEvent): void {
      enqueue([event])
    },
    /** The events of a batch, in order. */
    publishAll(events: McEvent[]): void {
      enqueue(events)
    },
    close(): void {
      redis.disconnect()
    },
  }
}

export type EventPublisher = ReturnType<typeof createEventPublisher>
