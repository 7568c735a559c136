import type { Logger } from '@mc/runtime'
import { bullPrefix } from '@mc/shared'
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
    if (definition.every) {
      await queue.upsertJobScheduler(
        `${definition.queue}:schedule`,
        { every: definition.every.ms },
        {
          name: definition.queue,
          data: definition.every.data,
          opts: { removeOnComplete: 100, removeOnFail: 500 },
        },
      )
    }
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
  options.logger.info({ queues: [...queues.keys()] }, 'job runner started')
  return {
    queues,
    async close({ force = false } = {}) {
      await Promise.all(workers.map((worker) => worker.close(force)))
      await Promise.all([...queues.values()].map((queue) => queue.close()))
    },
  }
}
