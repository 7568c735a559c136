import { randomBytes } from 'node:crypto'
import { createRedis } from '@mc/runtime'
import type { Redis } from 'ioredis'
import { afterAll, beforeAll, inject } from 'vitest'
import './provided-context.ts'
import { redisPrefixStem } from '@mc/local-stack'

export function testRedisUrl(): string {
  return inject('redisUrl')
}

/** A key prefix no other test file uses, so files can share one Redis in parallel. */
export function uniqueRedisPrefix(): string {
  return `${redisPrefixStem(inject('testRunId'))}-${randomBytes(5).toString('hex')}`
}

/** A Redis client and a private prefix for the calling test file; its keys are deleted afterwards. */
export function useTestRedis(): { url: string; prefix: string; redis: Redis } {
  const context = { prefix: uniqueRedisPrefix() } as { url: string; prefix: string; redis: Redis }
  beforeAll(() => {
    context.url = testRedisUrl()
    context.redis = createRedis(context.url)
  })
  afterAll(async () => {
    const keys = await context.redis.keys(`${context.prefix}:*`)
    if (keys.length > 0) await context.redis.del(...keys)
    context.redis.disconnect()
  })
  return context
}
