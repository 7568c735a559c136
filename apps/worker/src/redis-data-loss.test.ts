import { randomBytes } from 'node:crypto'
import { createGateway, listProbes } from '@mc/db'
import { startFakeGateway } from '@mc/openclaw/fake'
import { createTokenCipher, jobSchedulerId, missingJobSchedulers, SCHEDULED_QUEUES } from '@mc/runtime'
import { useTestDatabase, useTestRedis } from '@mc/testing'
import { describe, expect, it } from 'vitest'
import { workerConfigSchema } from './config.ts'
import { startWorker } from './worker.ts'

const database = useTestDatabase()
const redis = useTestRedis()
const PROBE_INTERVAL_S = 5

/** What a Redis restart without persistence does to this installation: every one of its keys is gone. */
async function loseRedisData(): Promise<void> {
  let cursor = '0'
  do {
    const [next, keys] = await redis.redis.scan(cursor, 'MATCH', `${redis.prefix}:*`, 'COUNT', 1000)
    cursor = next
    if (keys.length > 0) await redis.redis.unlink(...keys)
  } while (cursor !== '0')
}

describe('a worker whose Redis lost its data', () => {
  it('re-creates every job schedule by itself, and scheduled probes resume within two probe intervals', async () => {
    const secret = randomBytes(32).toString('base64')
    const cipher = createTokenCipher(secret)
    const fake = await startFakeGateway({ token: 'gateway-token' })
    const register = (name: string) =>
      createGateway(database.db, {
        name,
        host: '127.0.0.1',
        port: fake.port,
        token: cipher.encrypt('gateway-token'),
        isPrimary: false,
      })
    const probesOf = async (gatewayId: number) =>
      (await listProbes(database.db, { gatewayId, limit: 10 })).rows.map((row) => row.status)

    const before = await register('before the loss')
    const worker = await startWorker(
      workerConfigSchema.parse({
        DATABASE_URL: database.url,
        REDIS_URL: redis.url,
        REDIS_PREFIX: redis.prefix,
        MC_SECRET_KEY: secret,
        LOG_LEVEL: 'silent',
        PROBE_INTERVAL_S: String(PROBE_INTERVAL_S),
        EXPIRY_SWEEP_S: '1',
      }),
    )
    try {
      await expect.poll(() => probesOf(before.id), { timeout: 15_000 }).toContain('online')
      // /api/health watches exactly the schedules this worker keeps.
      const schedulers = await Promise.all([...worker.jobs.queues.values()].map((q) => q.getJobSchedulers()))
      expect(schedulers.flat().map((s) => s.key)).toEqual(
        expect.arrayContaining(SCHEDULED_QUEUES.map(jobSchedulerId)),
      )
      expect(schedulers.flat()).toHaveLength(SCHEDULED_QUEUES.length)
      expect(await missingJobSchedulers(redis.redis, redis.prefix)).toEqual([])

      await loseRedisData()
      // Nothing has probed this gateway: only a sweep scheduled after the loss can.
      const after = await register('after the loss')
      await expect
        .poll(() => probesOf(after.id), { timeout: 2 * PROBE_INTERVAL_S * 1000 })
        .toContain('online')
      await expect.poll(() => missingJobSchedulers(redis.redis, redis.prefix), { timeout: 5000 }).toEqual([])
    } finally {
      await worker.stop()
      await fake.stop()
    }
  })
})
