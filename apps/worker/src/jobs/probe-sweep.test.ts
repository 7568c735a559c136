import { createGateway, deleteGateway, findGateway } from '@mc/db'
import { startFakeGateway } from '@mc/openclaw/fake'
import type { Job } from 'bullmq'
import { describe, expect, it } from 'vitest'
import { startJobRunner } from '../job-runner.ts'
import { useWorkerContext } from '../testing/worker-context.ts'
import { probeGatewayJob } from './probe-gateway.ts'
import { probeSweep } from './probe-sweep.ts'

// A generous deadline: the healthy fake must answer in time even on a busy CI machine.
const ctx = useWorkerContext({ PROBE_TIMEOUT_MS: '4000', PROBE_INTERVAL_S: '30' })

const tickJob = (timestamp: number) => ({ timestamp }) as Job<Record<string, never>>

describe('the probe sweep', () => {
  it('queues every registered gateway once per tick in batches, and skips a tick while probes still wait', async () => {
    const ids: number[] = []
    for (let i = 0; i < 30; i++) {
      ids.push(
        (await createGateway(ctx.db, { name: `g${i}`, host: 'h', port: 1, token: null, isPrimary: false }))
          .id,
      )
    }
    const sweep = probeSweep(ctx)
    const now = Date.now()
    expect(await sweep.process(tickJob(now))).toMatchObject({ queued: 30 })
    const waiting = await ctx.probeQueue.getWaiting()
    expect(waiting.map((job) => job.data.gateway_ids.length).sort()).toEqual([25, 5])
    expect(waiting.flatMap((job) => job.data.gateway_ids).sort()).toEqual([...ids].sort())
    expect(JSON.stringify(waiting.map((job) => job.data))).not.toMatch(/token/)
    // The next tick finds the first one's probes still waiting (no worker runs here): no backlog.
    expect(await sweep.process(tickJob(now + 30_000))).toMatchObject({ queued: 0, skipped: true })
    expect(await ctx.probeQueue.getWaitingCount()).toBe(2)

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
