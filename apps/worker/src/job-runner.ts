import { bullPrefix, jobSchedulerId, type Logger } from '@mc/runtime'
import { Queue, Worker } from 'bullmq'
import type { Redis } from 'ioredis'
import type { JobDefinition } from './jobs/job-definition.ts'

export interface JobRunner {
  queues: Map<string, Queue>
  /**
   * Stops taking jobs and waits for running ones to finish. `force` abandons them instead, as a
   * crash would: another worker takes them over once their locks run out.
   */
  close(options?: { force?: boolean }): Promise<void>
}

export interface JobRunnerOptions {
  connection: Redis
  /** Namespaces all BullMQ keys, so several installations or test files can share one Redis. */
  prefix: string
  logger: Logger
  /**
   * How long a job's lock lasts without renewal: a worker that dies mid-job (no graceful release)
   * has its jobs taken over by another after about this long. BullMQ's default is 30 s.
   */
  lockDurationMs?: number
}

export async function startJobRunner(
  definitions: JobDefinition[],
  options: JobRunnerOptions,
): Promise<JobRunner> {
  const queues = new Map<string, Queue>()
  const workers: Worker[] = []
  const prefix = bullPrefix(options.prefix)
  for (const definition of definitions) {
    const queue = new Queue(definition.queue, { connection: options.connection, prefix })
    queues.set(definition.queue, queue)
    if (definition.every) await upsertSchedule(queue, definition.every)
    const worker = new Worker(definition.queue, (job) => definition.process(job), {
      connection: options.connection,
      prefix,
      concurrency: definition.concurrency ?? 1,
      ...(options.lockDurationMs
        ? { lockDuration: options.lockDurationMs, stalledInterval: options.lockDurationMs }
        : {}),
    })
    worker.on('failed', (job, err) =>
      options.logger.warn({ queue: definition.queue, job_id: job?.id, err: err.message }, 'job failed'),
    )
    worker.on('error', (err) =>
      options.logger.error({ queue: definition.queue, err: err.message }, 'worker error'),
    )
    workers.push(worker)
  }
  const watchdog = watchSchedules(definitions, queues, options.logger)
  options.logger.info({ queues: [...queues.keys()] }, 'job runner started')
  return {
    queues,
    async close({ force = false } = {}) {
      await watchdog.stop()
      await Promise.all(workers.map((worker) => worker.close(force)))
      await Promise.all([...queues.values()].map((queue) => queue.close()))
    },
  }
}

type Schedule = NonNullable<JobDefinition['every']>

/** Idempotent: any number of workers upserting one schedule leave one scheduler. */
function upsertSchedule(queue: Queue, every: Schedule) {
  return queue.upsertJobScheduler(
    jobSchedulerId(queue.name),
    { every: every.ms },
    { name: queue.name, data: every.data, opts: { removeOnComplete: 100, removeOnFail: 500 } },
  )
}

/**
 * Schedulers live only in Redis: a Redis that lost its data (a restart without persistence, a
 * flush) would stop every schedule for good. So each worker puts back what is missing, as often
 * as the most frequent schedule runs: a lost schedule is back within one of its own intervals.
 */
function watchSchedules(
  definitions: JobDefinition[],
  queues: Map<string, Queue>,
  logger: Logger,
): { stop(): Promise<void> } {
  const scheduled = definitions.flatMap((definition) => {
    const queue = queues.get(definition.queue)
    return definition.every && queue ? [{ queue, every: definition.every }] : []
  })
  if (scheduled.length === 0) return { stop: async () => {} }
  let checking: Promise<void> | undefined
  const check = async () => {
    for (const { queue, every } of scheduled) {
      if (await queue.getJobScheduler(jobSchedulerId(queue.name))) continue
      await upsertSchedule(queue, every)
      logger.warn({ queue: queue.name }, 'job scheduler was missing from Redis: re-created it')
    }
  }
  const timer = setInterval(
    () => {
      checking ??= check()
        .catch((error: Error) => logger.warn({ err: error.message }, 'could not check the job schedulers'))
        .finally(() => {
          checking = undefined
        })
    },
    Math.min(...scheduled.map(({ every }) => every.ms)),
  )
  return {
    async stop() {
      clearInterval(timer)
      await checking
    },
  }
}
