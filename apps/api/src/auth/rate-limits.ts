import type { Redis } from 'ioredis'
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible'
import { HttpError } from '../http/http-error.ts'

/**
 * Failed sign-ins and failed key checks, counted per client address in Redis (shared by all api
 * replicas), with an in-process fallback so authentication keeps working while Redis is down.
 */
export interface AuthLimiters {
  failedLogins: RateLimiterRedis
  failedKeys: RateLimiterRedis
}

function limiter(redis: Redis, prefix: string, name: string, points: number) {
  return new RateLimiterRedis({
    storeClient: redis,
    keyPrefix: `${prefix}:ratelimit:${name}`,
    points,
    duration: 60,
    insuranceLimiter: new RateLimiterMemory({ points, duration: 60 }),
    // While Redis is down, fall back to the in-process limiter at once instead of waiting on it.
    rejectIfRedisNotReady: true,
  })
}

export function createAuthLimiters(redis: Redis, prefix: string): AuthLimiters {
  return {
    failedLogins: limiter(redis, prefix, 'login', 10),
    failedKeys: limiter(redis, prefix, 'key', 30),
  }
}

/** 429 with Retry-After when `ip` has used up its failures for the current minute. */
export async function assertNotBlocked(
  limiterOfKind: RateLimiterRedis,
  ip: string,
  what: string,
): Promise<void> {
  const state = await limiterOfKind.get(ip)
  if (state && state.consumedPoints >= limiterOfKind.points) {
    const retryAfter = Math.max(1, Math.ceil(state.msBeforeNext / 1000))
    throw new HttpError(429, `too many failed ${what}; try again in ${retryAfter} s`, undefined, {
      'retry-after': String(retryAfter),
    })
  }
}

export async function countFailure(limiterOfKind: RateLimiterRedis, ip: string): Promise<void> {
  await limiterOfKind.penalty(ip, 1).catch((error: unknown) => {
    if (!(error instanceof RateLimiterRes)) throw error
  })
}
