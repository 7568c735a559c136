import type { Redis } from 'ioredis'

/** A worker counts as alive while its last heartbeat is younger than this. */
export const WORKER_STALE_AFTER_S = 30

const key = (prefix: string) => `${prefix}:workers`
/** When the most recent worker to stop gracefully last beat: it leaves the set, not history. */
const departedKey = (prefix: string) => `${prefix}:workers:last-departed`

/** Records that worker `workerId` is alive now (Redis server time, so clocks of hosts don't matter). */
export async function beatWorkerHeartbeat(redis: Redis, prefix: string, workerId: string): Promise<void> {
  const [seconds] = await redis.time()
  await redis
    .multi()
    .zadd(key(prefix), Number(seconds), workerId)
    .zremrangebyscore(key(prefix), '-inf', Number(seconds) - 24 * 3600)
    .exec()
}

/** A worker stopping gracefully stops counting as alive at once, but its last beat is kept. */
export async function removeWorkerHeartbeat(redis: Redis, prefix: string, workerId: string): Promise<void> {
  const lastBeat = await redis.zscore(key(prefix), workerId)
  const transaction = redis.multi().zrem(key(prefix), workerId)
  if (lastBeat !== null) transaction.set(departedKey(prefix), lastBeat, 'EX', 7 * 24 * 3600)
  await transaction.exec()
}

export interface WorkerFreshness {
  alive: number
  lastSeen: number | null
  ageS: number | null
}

export async function readWorkerFreshness(redis: Redis, prefix: string): Promise<WorkerFreshness> {
  const [[seconds], newest, departed] = await Promise.all([
    redis.time(),
    redis.zrange(key(prefix), 0, 0, 'REV', 'WITHSCORES'),
    redis.get(departedKey(prefix)),
  ])
  const now = Number(seconds)
  const alive = await redis.zcount(key(prefix), now - WORKER_STALE_AFTER_S, '+inf')
  const beats = [newest[1], departed].filter((value) => value != null).map(Number)
  const lastSeen = beats.length === 0 ? null : Math.max(...beats)
  return { alive, lastSeen, ageS: lastSeen === null ? null : Math.max(0, now - lastSeen) }
}
