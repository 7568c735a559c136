import { eventsChannel, type McEvent, mcEventSchema } from '@mc/shared'
import type { Redis } from 'ioredis'

/** Announces an event to every api replica, and through them to every browser. */
export async function publishEvent(redis: Redis, prefix: string, event: McEvent): Promise<void> {
  await redis.publish(eventsChannel(prefix), JSON.stringify(mcEventSchema.parse(event)))
}
