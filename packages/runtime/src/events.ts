import { type McEvent, mcEventSchema } from '@mc/shared'
import type { Redis } from 'ioredis'
import { EVENT_LOG_MAX_LENGTH, eventLogKey, eventsChannel } from './event-keys.ts'
import { createRedis } from './redis.ts'

// Appending and publishing in one script keeps the log's order and the channel's order the same,
// whichever process publishes: a browser resuming from a log id then misses nothing and sees
// nothing twice. The message carries the log id so every api replica hands out the same ids.
// ARGV: the log's length cap, then the events' JSON in order; returns their log ids.
const APPEND_AND_PUBLISH = `
local ids = {}
for i = 2, #ARGV do
  local id = redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[1], '*', 'e', ARGV[i])
  redis.call('PUBLISH', KEYS[2], id .. ' ' .. ARGV[i])
  ids[#ids + 1] = id
end
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

/**
 * Splits a channel message into its log id and event, with the event's JSON as published (streams
 * send it on as it is, rather than serialising the event again for every browser); null for
 * anything else on the channel.
 */
export function parseEventMessage(message: string): { id: string; event: McEvent; json: string } | null {
  const space = message.indexOf(' ')
  if (space <= 0) return null
  const json = message.slice(space + 1)
  try {
    return { id: message.slice(0, space), event: JSON.parse(json) as McEvent, json }
  } catch {
    return null
  }
}

/**
 * Fire-and-forget publishing for request paths that must keep working while Redis is down
 * (connect, heartbeat): commands fail at once instead of queueing, and failures are only counted.
 */
export function createEventPublisher(url: string, prefix: string, onError: (error: Error) => void) {
  const redis = createRedis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    // Heartbeats publish one event each: commands issued in the same tick share one round trip.
    enableAutoPipelining: true,
  })
  redis.on('error', () => {})
  return {
    publish(event: McEvent): void {
      publishEvent(redis, prefix, event).catch(onError)
    },
    /** The events of a batch, in order, in one round trip. */
    publishAll(events: McEvent[]): void {
      publishEvents(redis, prefix, events).catch(onError)
    },
    close(): void {
      redis.disconnect()
    },
  }
}

export type EventPublisher = ReturnType<typeof createEventPublisher>
