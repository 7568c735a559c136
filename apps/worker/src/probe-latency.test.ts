import { schema } from '@mc/db'
import { startFakeFleet } from '@mc/openclaw/fake'
import { jobSchedulerId, QUEUES } from '@mc/runtime'
import { percentile } from '@mc/testing/bench-runs'
import type { Job } from 'bullmq'
import { eq, sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { startJobRunner } from './job-runner.ts'
import { probeGatewayJob } from './jobs/probe-gateway.ts'
import { probeSweep } from './jobs/probe-sweep.ts'
import { useWorkerContext } from './testing/worker-context.ts'

const GATEWAYS = 1000
const HELLO_DELAY_MS = 10
const LATENCY_P95_MS = 50
const TOKEN = 'latency-token'

// A deadline no healthy fake misses however busy the machine: this test is about what a probe records.
const ctx = useWorkerContext({ PROBE_TIMEOUT_MS: '30000' })

const p95 = (values: number[]) =>
  percentile(
    [...values].sort((a, b) => a - b),
    0.95,
  )

describe('latency recorded during a sweep', () => {
  // The acceptance: with fakes answering hello in ≈10 ms, what a sweep records is ≤ 50 ms at p95.
  // On a busy machine the fakes themselves answer late (their timers and their thread wait for the
  // CPU too), which is no part of what the worker records wrongly; so each handshake is held to the
  // fakes' promise: its recorded latency, less what its fake took beyond HELLO_DELAY_MS by its own
  // clock. What is left is the transport and any queueing on the worker's side.
  it('is what a single probe would record, for 1,000 gateways at once', { timeout: 300_000 }, async () => {
    // The fakes answer from a process of their own, so their work is not queued behind the worker's.
    const fleet = await startFakeFleet({
      healthy: GATEWAYS,
      blackholes: 0,
      token: TOKEN,
      helloDelayMs: HELLO_DELAY_MS,
      helloPresence: 80,
    })
    const runner = await startJobRunner([probeGatewayJob(ctx)], {
      connection: ctx.redis,
      prefix: ctx.config.REDIS_PREFIX,
      logger: ctx.logger,
    })
    try {
      await ctx.db.insert(schema.gateways).values(
        fleet.healthyPorts.map((port, i) => ({
          name: `fake-${i}`,
          host: '127.0.0.1',
          port,
          token: ctx.tokenCipher.encrypt(TOKEN),
        })),
      )
      const tick = { id: `repeat:${jobSchedulerId(QUEUES.probeSweep)}:${Date.now()}` } as Job<
        Record<string, never>
      >
      expect(await probeSweep(ctx).process(tick)).toMatchObject({ queued: GATEWAYS })
      await expect
        .poll(
          async () => {
            const [row] = await ctx.db.execute<{ probed: number }>(
              sql`select count(*)::int as probed from gateways where last_probe_at is not null`,
            )
            return row?.probed
          },
          { timeout: 240_000, interval: 200 },
        )
        .toBe(GATEWAYS)

      const probes = await ctx.db
        .select({
          status: schema.gatewayProbes.status,
          latency: schema.gatewayProbes.latency,
          port: schema.gateways.port,
        })
        .from(schema.gatewayProbes)
        .innerJoin(schema.gateways, eq(schema.gateways.id, schema.gatewayProbes.gatewayId))
      expect(probes.filter((probe) => probe.status !== 'online')).toEqual([])
      const answeredMs = new Map((await fleet.takeHelloAnswers()).map(({ port, ms }) => [port, ms]))
      expect(answeredMs.size).toBe(GATEWAYS)
      const heldToPromise = probes.map(
        ({ latency, port }) =>
          (latency ?? Number.NaN) - ((answeredMs.get(port) ?? Number.NaN) - HELLO_DELAY_MS),
      )
      const answeredP95 = p95([...answeredMs.values()])
      const unadjustedP95 = p95(probes.map((probe) => probe.latency ?? Number.NaN))
      expect(
        p95(heldToPromise),
        `recorded p95 ${unadjustedP95} ms as stored; the fakes' own answer p95 ${answeredP95.toFixed(1)} ms`,
      ).toBeLessThanOrEqual(LATENCY_P95_MS)
    } finally {
      await runner.close()
      await fleet.stop()
    }
  })
})
