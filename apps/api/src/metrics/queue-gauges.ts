import { bullPrefix, QUEUES } from '@mc/runtime'
import { Queue } from 'bullmq'
import type { Redis } from 'ioredis'
import type { Registry } from 'prom-client'
import { withTimeout } from '../http/with-timeout.ts'
import { ScrapedGauge } from './scraped-gauge.ts'

/** The job states shown; `failed` holds the jobs that used up their attempts. */
export const QUEUE_JOB_STATES = ['waiting', 'active', 'delayed', 'failed'] as const

/** Long enough for a loaded Redis, short enough that a scrape without Redis still answers in time. */
const QUEUE_READ_TIMEOUT_MS = 2000

/**
 * Jobs of each of the worker's queues by state, read from Redis at scrape time with BullMQ's own
 * counts. Without Redis the family is empty (the scrape still shows the database's series).
 */
export function registerQueueGauges(registry: Registry, redis: Redis, redisPrefix: string) {
  let queues: Queue[] | undefined
  const opened = () =>
    (queues ??= Object.values(QUEUES).map(
      (name) => new Queue(name, { connection: redis, prefix: bullPrefix(redisPrefix) }),
    ))
  new ScrapedGauge(
    {
      name: 'mc_queue_jobs',
      help: 'Jobs in a worker queue by state (failed: jobs that used up their attempts)',
      labelNames: ['queue', 'state'],
      registers: [registry],
    },
    async () => {
      const counted = await withTimeout(
        Promise.all(
          opened().map(async (queue) => ({
            queue: queue.name,
            counts: await queue.getJobCounts(...QUEUE_JOB_STATES),
          })),
        ),
        QUEUE_READ_TIMEOUT_MS,
        'Redis',
      ).catch(() => [])
      return counted.flatMap(({ queue, counts }) =>
        QUEUE_JOB_STATES.map((state) => ({ labels: { queue, state }, value: counts[state] ?? 0 })),
      )
    },
  )
  return {
    async close() {
      await Promise.all((queues ?? []).map((queue) => queue.close()))
    },
  }
}
