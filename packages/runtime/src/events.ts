import { eventsChannel, type McEvent, mcEventSchema } from '@mc/shared'
import type { Redis } from 'ioredis'
import { createRedis } from './redis.ts'

/** Announces an event to every api replica, and through them to every browser. */
export async function publishEvent(redis: Redis, prefix: string, event: McEvent): Promise<void> {
  await redis.publish(eventsChannel(prefix), JSON.stringify(mcEventSchema.parse(event)))
}

/**
 * Fire-and-forget publishing for request paths that must keep working while Redis is down
 * (connect, heartbeat): commands fail at once instead of queueing, and failures are only counted.
 */
export function createEventPublisher(url: string, prefix: string, onError: (error: Error) => void) {
  const redis = createRedis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 0 })
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
