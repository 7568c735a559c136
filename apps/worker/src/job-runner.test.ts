import { createLogger } from '@mc/runtime'
import { useTestDatabase, useTestRedis } from '@mc/testing'
import { describe, expect, it } from 'vitest'
import { startJobRunner } from './job-runner.ts'
import { defineJob, type JobDefinition } from './jobs/job-definition.ts'

const database = useTestDatabase()
const redis = useTestRedis()
const logger = createLogger({ service: 'worker-test', level: 'silent' })

function runner(definitions: JobDefinition[], prefix = redis.prefix) {
  return startJobRunner(definitions, {
    connection: redis.redis,
    prefix,
    logger,
  })
}

describe('startJobRunner', () => {
  it('processes jobs added to a defined queue and hands them the database', async () => {
    const seen: number[] = []
    const echo = defineJob<{ n: number }>({
      queue: 'echo',
      async process(job) {
        const rows = await database.db.execute<{ n: number }>(`select ${Number(job.data.n)}::int as n`)
        seen.push(rows[0]?.n ?? -1)
        return rows[0]?.n
      },
    })
    const jobs = await runner([echo])
    try {
      const queue = jobs.queues.get('echo')
      if (!queue) throw new Error('queue missing')
      const job = await queue.add('echo', { n: 41 })
      await expect.poll(() => seen, { timeout: 10_000 }).toEqual([41])
      await expect
        .poll(async () => (await queue.getJob(job.id ?? ''))?.returnvalue, { timeout: 5000 })
        .toBe(41)
    } finally {
      await jobs.close()
    }
  })

  it('runs a scheduled job by itself, and two runners share one schedule instead of doubling it', async () => {
    let runs = 0
    const tick = defineJob<Record<string, never>>({
      queue: 'tick',
      every: { ms: 60_000, data: {} },
      async process() {
        runs += 1
      },
    })
    const prefix = `${redis.prefix}-sched`
    const first = await runner([tick], prefix)
    const second = await runner([tick], prefix)
    try {
      await expect.poll(() => runs, { timeout: 10_000 }).toBe(1)
      const schedulers = await first.queues.get('tick')?.getJobSchedulers()
      expect(schedulers).toHaveLength(1)
      expect(schedulers?.[0]).toMatchObject({ key: 'tick:schedule', every: 60_000 })
      // The first run was taken by exactly one of the two runners; the next is a minute away.
      await new Promise((resolve) => setTimeout(resolve, 500))
      expect(runs).toBe(1)
    } finally {
      await Promise.all([first.close(), second.close()])
    }
  })

  it("takes over a crashed worker's job once its lock runs out", async () => {
    const prefix = `${redis.prefix}-crash`
    const seenBy: string[] = []
    const job = (name: string, hang: boolean) =>
      defineJob<{ n: number }>({
        queue: 'crashy',
        process: async () => {
          seenBy.push(name)
          if (hang) await new Promise(() => {})
          return 'done'
        },
      })
    const options = { connection: redis.redis, prefix, logger, lockDurationMs: 1000 }
    const crashing = await startJobRunner([job('crashing', true)], options)
    await crashing.queues.get('crashy')?.add('work', { n: 1 })
    await expect.poll(() => seenBy, { timeout: 5000 }).toEqual(['crashing'])
    // A crash: the worker stops renewing its lock and never finishes or releases the job.
    await crashing.close({ force: true })
    const rescuer = await startJobRunner([job('rescuer', false)], options)
    try {
      await expect.poll(() => seenBy, { timeout: 15_000 }).toEqual(['crashing', 'rescuer'])
    } finally {
      await rescuer.close()
    }
  })

  it('starts with no job definitions at all', async () => {
    const jobs = await runner([])
    expect(jobs.queues.size).toBe(0)
    await jobs.close()
  })
})
