import { randomBytes } from 'node:crypto'
import { bullPrefix, createLogger, createTokenCipher, QUEUES } from '@mc/runtime'
import { useTestDatabase, useTestRedis } from '@mc/testing'
import { Queue } from 'bullmq'
import { afterAll, beforeAll } from 'vitest'
import { workerConfigSchema } from '../config.ts'
import { createWorkerMetrics } from '../metrics/worker-metrics.ts'
import { createWorkerAlerts } from '../worker-alerts.ts'
import type { WorkerContext } from '../worker-context.ts'

/** A worker context on this test file's own database and Redis prefix, with real probe and token rotation queues. */
export function useWorkerContext(env: Record<string, string> = {}): WorkerContext {
  const database = useTestDatabase()
  const redis = useTestRedis()
  const ctx = {} as WorkerContext
  let closeAlerts: (() => Promise<void>) | undefined
  beforeAll(() => {
    const config = workerConfigSchema.parse({
      DATABASE_URL: database.url,
      REDIS_URL: redis.url,
      REDIS_PREFIX: redis.prefix,
      MC_SECRET_KEY: randomBytes(32).toString('base64'),
      LOG_LEVEL: 'silent',
      ...env,
    })
    const base = {
      config,
      db: database.db,
      redis: redis.redis,
      logger: createLogger({ service: 'worker-test', level: 'silent' }),
      tokenCipher: createTokenCipher(config.MC_SECRET_KEY),
    }
    const { alerts, alertEvaluator, close } = createWorkerAlerts(base)
    closeAlerts = close
    Object.assign(ctx, {
      ...base,
      probeQueue: new Queue(QUEUES.probeGateway, {
        connection: redis.redis,
        prefix: bullPrefix(redis.prefix),
      }),
      tokenRotationQueue: new Queue(QUEUES.tokenRotation, {
        connection: redis.redis,
        prefix: bullPrefix(redis.prefix),
      }),
      alerts,
      alertEvaluator,
      metrics: createWorkerMetrics(),
    })
  })
  afterAll(async () => {
    await ctx.probeQueue?.close()
    await ctx.tokenRotationQueue?.close()
    await closeAlerts?.()
  })
  return ctx
}
