import {
  beatWorkerHeartbeat,
  bullPrefix,
  createRedis,
  jobSchedulerId,
  removeWorkerHeartbeat,
  SCHEDULED_QUEUES,
} from '@mc/runtime'
import { healthResponseSchema } from '@mc/shared'
import { Queue } from 'bullmq'
import { beforeEach, describe, expect, it } from 'vitest'
import { createApp } from '../app.ts'
import { useTestApp } from '../testing/test-app.ts'

const t = useTestApp()

/** Registers every schedule as the worker does, through BullMQ itself. */
async function scheduleAll(): Promise<void> {
  for (const name of SCHEDULED_QUEUES) {
    const queue = new Queue(name, {
      connection: t.deps.redis,
      prefix: bullPrefix(t.deps.config.REDIS_PREFIX),
    })
    await queue.upsertJobScheduler(jobSchedulerId(name), { every: 3_600_000 })
    await queue.close()
  }
}

async function health(app = t.app) {
  const res = await app.request('/api/health')
  return { status: res.status, body: healthResponseSchema.parse(await res.json()) }
}

describe('GET /api/health', () => {
  beforeEach(async () => {
    const keys = await t.deps.redis.keys(`${t.deps.config.REDIS_PREFIX}:workers*`)
    if (keys.length > 0) await t.deps.redis.del(...keys)
  })

  it('is degraded (but 200) when Postgres and Redis answer and no worker ever beat', async () => {
    const { status, body } = await health()
    expect(status).toBe(200)
    expect(body.status).toBe('degraded')
    expect(body.checks.db).toMatchObject({ ok: true })
    expect(body.checks.redis).toMatchObject({ ok: true })
    expect(body.checks.worker).toEqual({ ok: false, alive: 0, last_seen: null, age_s: null })
  })

  it('is ok while a worker heartbeat is fresh, and degraded again once the worker leaves', async () => {
    await scheduleAll()
    await beatWorkerHeartbeat(t.deps.redis, t.deps.config.REDIS_PREFIX, 'host-a:1')
    const alive = await health()
    expect(alive.body.status).toBe('ok')
    expect(alive.body.checks.worker.alive).toBe(1)
    expect(alive.body.checks.worker.age_s).toBeLessThanOrEqual(1)
    await removeWorkerHeartbeat(t.deps.redis, t.deps.config.REDIS_PREFIX, 'host-a:1')
    const departed = await health()
    expect(departed.body.status).toBe('degraded')
    // Gone, but not forgotten: the UI still shows when it was last heard from.
    expect(departed.body.checks.worker.alive).toBe(0)
    expect(departed.body.checks.worker.last_seen).toBe(alive.body.checks.worker.last_seen)
  })

  it('is degraded, naming them, while job schedules are missing (as after Redis lost its data)', async () => {
    await scheduleAll()
    await beatWorkerHeartbeat(t.deps.redis, t.deps.config.REDIS_PREFIX, 'host-c:3')
    expect((await health()).body).toMatchObject({
      status: 'ok',
      checks: { schedules: { ok: true, missing: [] } },
    })

    const sweeps = new Queue(SCHEDULED_QUEUES[0], {
      connection: t.deps.redis,
      prefix: bullPrefix(t.deps.config.REDIS_PREFIX),
    })
    await sweeps.removeJobScheduler(jobSchedulerId(SCHEDULED_QUEUES[0]))
    await sweeps.close()
    const oneGone = await health()
    expect(oneGone.status).toBe(200)
    expect(oneGone.body).toMatchObject({
      status: 'degraded',
      checks: { worker: { ok: true }, schedules: { ok: false, missing: [SCHEDULED_QUEUES[0]] } },
    })

    const bullKeys = await t.deps.redis.keys(`${bullPrefix(t.deps.config.REDIS_PREFIX)}:*`)
    await t.deps.redis.del(...bullKeys)
    expect((await health()).body.checks.schedules).toEqual({ ok: false, missing: [...SCHEDULED_QUEUES] })
    await removeWorkerHeartbeat(t.deps.redis, t.deps.config.REDIS_PREFIX, 'host-c:3')
  })

  it('does not count a worker whose last heartbeat is stale', async () => {
    const [seconds] = await t.deps.redis.time()
    await t.deps.redis.zadd(`${t.deps.config.REDIS_PREFIX}:workers`, Number(seconds) - 120, 'host-b:2')
    const { body } = await health()
    expect(body.checks.worker).toMatchObject({ ok: false, alive: 0 })
    expect(body.checks.worker.age_s).toBeGreaterThanOrEqual(120)
  })

  it('answers 503 "down" within its own timeout when Redis is unreachable', async () => {
    const deadRedis = createRedis('redis://127.0.0.1:1', { lazyConnect: true, retryStrategy: () => 1000 })
    deadRedis.on('error', () => {})
    const app = createApp({ ...t.deps, redis: deadRedis })
    const { status, body } = await health(app)
    deadRedis.disconnect()
    expect(status).toBe(503)
    expect(body.status).toBe('down')
    expect(body.checks.redis.ok).toBe(false)
    expect(body.checks.redis.error).toMatch(/redis/)
    expect(body.checks.db.ok).toBe(true)
  })
})
