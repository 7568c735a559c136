import { Redis, type RedisOptions } from 'ioredis'

/**
 * A long-lived Redis client. `maxRetriesPerRequest: null` is what BullMQ requires for blocking
 * connections, and lets commands wait out a short Redis restart instead of failing.
 */
export function createRedis(url: string, options: RedisOptions = {}): Redis {
  return new Redis(url, { maxRetriesPerRequest: null, enableReadyCheck: true, ...options })
}
