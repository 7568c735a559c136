import { createGateway, deleteGateway, findGateway } from '@mc/db'
import { startFakeGateway } from '@mc/openclaw/fake'
import { jobSchedulerId, QUEUES } from '@mc/runtime'
import type { Job } from 'bullmq'
import { describe, expect, it } from 'vitest'
import { startJobRunner } from '../job-runner.ts'
import { useWorkerContext } from '../testing/worker-context.ts'
import { probeGatewayJob } from './probe-gateway.ts'
import { probeSweep } from './probe-sweep.ts'

// A generous deadline: the healthy fake must answer in time even on a busy CI machine.
const ctx = useWorkerContext({ PROBE_TIMEOUT_MS: '4000', PROBE_INTERVAL_S: '30' })

// As BullMQ names a scheduler's jobs: the iteration's due time is in the id.
const tickJob = (due: number) =>
  ({ id: `repeat:${jobSchedulerId(QUEUES.probeSweep)}:${due}` }) as Job<Record<string, never>>

describe('the probe sweep', () => {
  it('queues every registered gateway once per tick in batches, and not again while its probe still waits', async () => {
    const ids: number[] = []
    for (let i = 0; i < 30; i++) {
      ids.push(
        (await createGateway(ctx.db, { name: `g${i}`, host: 'h', port: 1, token: null, isPrimary: false }))
          .id,
      )
    }
    const sweep = probeSweep(ctx)
    const now = Date.now()
    expect(await sweep.process(tickJob(now))).toEqual({ queued: 30, already_waiting: 0, tick: now })
    const waiting = await ctx.probeQueue.getWaiting()
    expect(waiting.map((job) => job.data.gateway_ids.length).sort()).toEqual([25, 5])
    expect(waiting.flatMap((job) => job.data.gateway_ids).sort()).toEqual([...ids].sort())
    expect(JSON.stringify(waiting.map((job) => job.data))).not.toMatch(/token/)
    // The next tick finds the first one's probes still waiting (no worker runs here): no backlog,
    // but a gateway added meanwhile is queued.
    const early = (
      await createGateway(ctx.db, { name: 'early', host: 'h', port: 1, token: null, isPrimary: false })
    ).id
    expect(await sweep.process(tickJob(now + 30_000))).toMatchObject({ queued: 1, already_waiting: 30 })
    expect((await ctx.probeQueue.getWaiting()).flatMap((job) => job.data.gateway_ids)).toContain(early)
    await deleteGateway(ctx.db, early)

    // Once they are done, a deleted gateway drops out and a new one is included.
    await ctx.probeQueue.obliterate({ force: true })
    await deleteGateway(ctx.db, ids[0] ?? 0)
    const added = (
      await createGateway(ctx.db, { name: 'new', host: 'h', port: 1, token: null, isPrimary: false })
    ).id
    await sweep.process(tickJob(now + 60_000))
    const queued = (await ctx.probeQueue.getWaiting()).flatMap((job) => job.data.gateway_ids)
    expect(queued).toContain(added)
    expect(queued).not.toContain(ids[0])
    expect(queued).toHaveLength(30)
    await ctx.probeQueue.obliterate({ force: true })
  })

  it('probes a mixed fleet through the queue', { timeout: 30_000 }, async () => {
    const healthy = await startFakeGateway({ token: 't' })
    const blackhole = await startFakeGateway({ token: 't', mode: 'blackhole' })
    try {
      const make = (name: string, port: number) =>
        createGateway(ctx.db, {
          name,
          host: '127.0.0.1',
          port,
          token: ctx.tokenCipher.encrypt('t'),
          isPrimary: false,
        })
      const up = await make('up', healthy.port)
      const stuck = await make('stuck', blackhole.port)
      const runner = await startJobRunner([probeGatewayJob(ctx)], {
        connection: ctx.redis,
        prefix: ctx.config.REDIS_PREFIX,
        logger: ctx.logger,
      })
      try {
        await probeSweep(ctx).process(tickJob(Date.now()))
        await expect
          .poll(
            async () => [
              (await findGateway(ctx.db, up.id))?.status,
              (await findGateway(ctx.db, stuck.id))?.status,
            ],
            {
              timeout: 20_000,
            },
          )
          .toEqual(['online', 'timeout'])
      } finally {
        await runner.close()
      }
    } finally {
      await Promise.all([healthy.stop(), blackhole.stop()])
    }
  })
})
