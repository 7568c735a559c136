import type { Redis } from 'ioredis'

// Live workers: a sorted set of worker id → when its announcement runs out (Redis time, ms), so
// hosts' clocks never matter. ARGV: worker id, ttl ms; returns the live workers.
const ANNOUNCE = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
return redis.call('ZRANGEBYSCORE', KEYS[1], now, '+inf')`

// Takes or keeps each lease: renewed when this worker holds it, taken when nobody does. ARGV:
// worker id, ttl ms; returns 1 (held) or 0 (another worker holds it) per key.
const CLAIM = `
local held = {}
for i, key in ipairs(KEYS) do
  if redis.call('GET', key) == ARGV[1] then
    redis.call('PEXPIRE', key, ARGV[2])
    held[i] = 1
  elseif redis.call('SET', key, ARGV[1], 'NX', 'PX', ARGV[2]) then
    held[i] = 1
  else
    held[i] = 0
  end
end
return held`

// Gives leases up, only those this worker holds (one that ran out may be another's by now).
const RELEASE = `
for _, key in ipairs(KEYS) do
  if redis.call('GET', key) == ARGV[1] then redis.call('DEL', key) end
end
return 0`

// Keys per script run: Redis runs a script alone, so thousands of gateways go in several.
const KEYS_PER_SCRIPT = 500

export interface WatcherLeasesOptions {
  redis: Redis
  prefix: string
  workerId: string
  /** A lease not renewed within this long is free for another worker. */
  leaseMs: number
  /** A worker that has not announced itself within this long no longer counts as live. */
  memberTtlMs: number
}

export const watcherLeaseKey = (prefix: string, gatewayId: number) => `${prefix}:watchers:lease:${gatewayId}`
const membersKey = (prefix: string) => `${prefix}:watchers:members`

/**
 * Which worker watches which gateway, in Redis: workers announce themselves with a TTL, and each
 * gateway has a lease (its key holds the watching worker's id) that only one worker can hold,
 * whatever each worker thinks the membership is.
 */
export function createWatcherLeases(options: WatcherLeasesOptions) {
  const { redis, prefix, workerId } = options
  const leaseKeys = (ids: number[]) => ids.map((id) => watcherLeaseKey(prefix, id))

  async function inChunks(script: string, ids: number[], args: (string | number)[]): Promise<number[]> {
    const pipeline = redis.pipeline()
    for (let start = 0; start < ids.length; start += KEYS_PER_SCRIPT) {
      const keys = leaseKeys(ids.slice(start, start + KEYS_PER_SCRIPT))
      pipeline.eval(script, keys.length, ...keys, ...args)
    }
    const results = (await pipeline.exec()) ?? []
    return results.flatMap(([error, reply]) => {
      if (error) throw error
      return reply as number[]
    })
  }

  return {
    /** Says this worker is alive; returns every live worker (this one included). */
    async announce(): Promise<string[]> {
      return (await redis.eval(ANNOUNCE, 1, membersKey(prefix), workerId, options.memberTtlMs)) as string[]
    },

    /** Renews the leases of `ids` this worker holds and takes the free ones; returns those it holds. */
    async claim(ids: number[]): Promise<Set<number>> {
      if (ids.length === 0) return new Set()
      const held = await inChunks(CLAIM, ids, [workerId, options.leaseMs])
      return new Set(ids.filter((_id, index) => held[index] === 1))
    },

    async release(ids: number[]): Promise<void> {
      if (ids.length > 0) await inChunks(RELEASE, ids, [workerId])
    },

    /** Stops counting as live at once: the others take this worker's gateways at their next tick. */
    async leave(): Promise<void> {
      await redis.zrem(membersKey(prefix), workerId)
    },
  }
}
