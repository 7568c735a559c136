import { randomBytes } from 'node:crypto'
import { readWorkerFreshness } from '@mc/runtime'
import { useTestDatabase, useTestRedis } from '@mc/testing'
import { describe, expect, it } from 'vitest'
import { workerConfigSchema } from './config.ts'
import { startWorker } from './worker.ts'

const database = useTestDatabase()
const redis = useTestRedis()

describe('startWorker', () => {
  it('reports itself alive through Redis while running and withdraws on stop', async () => {
    const config = workerConfigSchema.parse({
      DATABASE_URL: database.url,
      REDIS_URL: redis.url,
      REDIS_PREFIX: redis.prefix,
      LOG_LEVEL: 'silent',
      WORKER_ID: 'test-host:1',
      MC_SECRET_KEY: randomBytes(32).toString('base64'),
    })
    const worker = await startWorker(config)
    try {
      await expect
        .poll(async () => (await readWorkerFreshness(redis.redis, redis.prefix)).alive, { timeout: 5000 })
        .toBe(1)
      expect([...worker.jobs.queues.keys()]).toContain('prune-expired-sessions')
    } finally {
      await worker.stop()
    }
    expect((await readWorkerFreshness(redis.redis, redis.prefix)).alive).toBe(0)
  })

  it('refuses to start against an unreachable Redis with one clear message', async () => {
    const config = workerConfigSchema.parse({
      DATABASE_URL: database.url,
      REDIS_URL: 'redis://127.0.0.1:1',
      LOG_LEVEL: 'silent',
      MC_SECRET_KEY: randomBytes(32).toString('base64'),
    })
    await expect(startWorker(config)).rejects.toThrow(
      /^cannot reach Redis at redis:\/\/127\.0\.0\.1:1: connect ECONNREFUSED/,
    )
  })
})
