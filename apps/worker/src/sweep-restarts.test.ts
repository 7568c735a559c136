import { randomBytes } from 'node:crypto'
import { createGateway } from '@mc/db'
import { startFakeGateway } from '@mc/openclaw/fake'
import { bullPrefix, createTokenCipher, QUEUES } from '@mc/runtime'
import type { ProbeResult } from '@mc/shared'
import { useTestDatabase, useTestRedis } from '@mc/testing'
import { QueueEvents } from 'bullmq'
import { sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { workerConfigSchema } from './config.ts'
import { probeGatewayJob } from './jobs/probe-gateway.ts'
import { probeSweep } from './jobs/probe-sweep.ts'
import { startWorker } from './worker.ts'

const database = useTestDatabase()
const redis = useTestRedis()

const INTERVAL_S = 5
const GATEWAYS = 30

interface SweepResult {
  tick: number
  queued: number
  already_waiting: number
}

/** Every completed sweep and every completed probe batch (by job id), as BullMQ announces them. */
function watchQueues() {
  const sweeps: SweepResult[] = []
  const batches = new Map<string, number[]>()
  const listen = (queue: string, onCompleted: (jobId: string, value: unknown) => void) => {
    const events = new QueueEvents(queue, {
      connection: redis.redis.duplicate(),
      prefix: bullPrefix(redis.prefix),
    })
    events.on('completed', ({ jobId, returnvalue }) => onCompleted(jobId, returnvalue))
    return events
  }
  const listeners = [
    listen(QUEUES.probeSweep, (_id, value) => sweeps.push(value as SweepResult)),
    listen(QUEUES.probeGateway, (id, value) =>
      batches.set(
        id,
        (value as ProbeResult[]).map((result) => result.id),
      ),
    ),
  ]
  return {
    sweeps,
    /** The gateways the probes queued by `tick` have probed so far. */
    probedIn(tick: number): number[] {
      const ids = [...batches]
        .filter(([id]) => id.startsWith(`tick-${tick}-`))
        .flatMap(([, probed]) => probed)
      return ids.sort((a, b) => a - b)
    },
    ready: () => Promise.all(listeners.map((events) => events.waitUntilReady())),
    close: () => Promise.all(listeners.map((events) => events.close())),
  }
}

describe('scheduled sweeps across worker starts', () => {
  it('probes every gateway once in every due sweep when a worker starts twice within one interval', {
    timeout: 60_000,
  }, async () => {
    const secretKey = randomBytes(32).toString('base64')
    const config = workerConfigSchema.parse({
      DATABASE_URL: database.url,
      REDIS_URL: redis.url,
      REDIS_PREFIX: redis.prefix,
      MC_SECRET_KEY: secretKey,
      LOG_LEVEL: 'silent',
      PROBE_INTERVAL_S: String(INTERVAL_S),
      PROBE_TIMEOUT_MS: '4000',
    })
    const cipher = createTokenCipher(secretKey)
    const fakes = await Promise.all([1, 2, 3].map(() => startFakeGateway({ token: 't' })))
    const ids: number[] = []
    for (let i = 0; i < GATEWAYS; i++) {
      const fake = fakes[i % fakes.length]
      const gateway = await createGateway(database.db, {
        name: `g${i}`,
        host: '127.0.0.1',
        port: fake?.port ?? 1,
        token: cipher.encrypt('t'),
        isPrimary: false,
      })
      ids.push(gateway.id)
    }
    const watched = watchQueues()
    const onlyProbes = (ctx: Parameters<typeof probeSweep>[0] & Parameters<typeof probeGatewayJob>[0]) => [
      probeSweep(ctx),
      probeGatewayJob(ctx),
    ]
    try {
      await watched.ready()
      // The first start runs a sweep at once; the second comes while the first sweep's interval runs.
      const first = await startWorker(config, onlyProbes)
      try {
        await expect.poll(() => watched.sweeps.length, { timeout: 20_000 }).toBe(1)
      } finally {
        await first.stop()
      }
      const second = await startWorker(config, onlyProbes)
      try {
        await expect
          .poll(
            () =>
              watched.sweeps.length === 3 &&
              watched.sweeps.every((s) => watched.probedIn(s.tick).length === GATEWAYS),
            {
              timeout: 40_000,
            },
          )
          .toBe(true)
      } finally {
        await second.stop()
      }

      const ticks = watched.sweeps.map((sweep) => sweep.tick)
      expect(ticks.slice(1).map((tick, i) => tick - (ticks[i] ?? 0))).toEqual(
        [1, 2].map(() => INTERVAL_S * 1000),
      )
      for (const sweep of watched.sweeps) {
        expect(sweep).toMatchObject({ queued: GATEWAYS, already_waiting: 0 })
        expect(watched.probedIn(sweep.tick)).toEqual([...ids].sort((a, b) => a - b))
      }
      const stored = await database.db.execute<{ probes: number }>(
        sql`select count(*)::int as probes from gateway_probes group by gateway_id`,
      )
      expect(stored.map((row) => row.probes)).toEqual(ids.map(() => 3))
    } finally {
      await watched.close()
      await Promise.all(fakes.map((fake) => fake.stop()))
    }
  })
})
