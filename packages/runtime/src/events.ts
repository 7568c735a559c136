import { EVENT_LOG_MAX_LENGTH, eventLogKey, eventsChannel, type McEvent, mcEventSchema } from '@mc/shared'
import type { Redis } from 'ioredis'
import { createRedis } from './redis.ts'

// Appending and publishing in one script keeps the log's order and the channel's order the same,
// whichever process publishes: a browser resuming from a log id then misses nothing and sees
// nothing twice. The message carries the log id so every api replica hands out the same ids.
const APPEND_AND_PUBLISH = `
local id = redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[2], '*', 'e', ARGV[1])
redis.call('PUBLISH', KEYS[2], id .. ' ' .. ARGV[1])
return id`

/** Announces an event to every api replica, and through them to every browser; returns its log id. */
export async function publishEvent(redis: Redis, prefix: string, event: McEvent): Promise<string> {
  const json = JSON.stringify(mcEventSchema.parse(event))
  const id = await redis.eval(
    APPEND_AND_PUBLISH,
    2,
    eventLogKey(prefix),
    eventsChannel(prefix),
    json,
    String(EVENT_LOG_MAX_LENGTH),
  )
  return String(id)
}

/** Splits a channel message into its log id and event; null for anything else on the channel. */
export function parseEventMessage(message: string): { id: string; event: McEvent } | null {
  const space = message.indexOf(' ')
  if (space <= 0) return null
  try {
    return { id: message.slice(0, space), event: JSON.parse(message.slice(space + 1)) as McEvent }
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
    close(): void {
      redis.disconnect()
    },
  }
}

export type EventPublisher = ReturnType<typeof createEventPublisher>
