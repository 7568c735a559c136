import { eventsChannel, parseEventMessages } from '@mc/runtime'
import type { McEvent } from '@mc/shared'
import type { Redis } from 'ioredis'

/** One event as this process heard it, with its arrival time (`performance.now()` clock). */
export interface HeardEvent {
  at: number
  event: McEvent
}

/**
 * Listens to the run's event channel (what every api replica relays to browsers) on a connection of
 * its own, resolved once subscribed: every event heard is kept, in order, with its arrival time.
 */
export async function subscribeToEvents(redis: Redis, prefix: string) {
  const subscriber = redis.duplicate()
  const heard: HeardEvent[] = []
  subscriber.on('message', (_channel: string, message: string) => {
    const at = performance.now()
    for (const { event } of parseEventMessages(message)) heard.push({ at, event })
  })
  await subscriber.subscribe(eventsChannel(prefix))
  return { heard, close: () => subscriber.disconnect() }
}
