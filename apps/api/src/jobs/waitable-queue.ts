import { randomUUID } from 'node:crypto'
import { bullPrefix, createRedis } from '@mc/runtime'
import { type Job, Queue, QueueEvents } from 'bullmq'

/** How a job stood when the wait for it ended. */
export type JobWait<Result> =
  | { status: 'done'; result: Result }
  | { status: 'failed'; reason: string }
  /** Still queued or running at the deadline: the worker finishes it later. */
  | { status: 'pending' }

/**
 * One of the worker's queues as the api uses it: it enqueues jobs asked for by a request (the api
 * never does the work itself) and waits for their results, up to a deadline.
 */
export interface WaitableQueue<Data, Result> {
  /** Enqueues the jobs and waits for each, all with the same deadline; answers in their order. */
  run(jobs: { name: string; data: Data }[], waitMs: number): Promise<JobWait<Result>[]>
  close(): Promise<void>
}

async function settle<Result>(job: Job, events: QueueEvents, waitMs: number): Promise<JobWait<Result>> {
  try {
    return { status: 'done', result: (await job.waitUntilFinished(events, waitMs)) as Result }
  } catch (error) {
    // waitUntilFinished rejects alike for a failed job and a deadline: the job's state tells which.
    if ((await job.getState()) !== 'failed') return { status: 'pending' }
    return { status: 'failed', reason: error instanceof Error ? error.message : String(error) }
  }
}

export function createWaitableQueue<Data, Result>(
  redisUrl: string,
  redisPrefix: string,
  queueName: string,
): WaitableQueue<Data, Result> {
  // QueueEvents blocks on its connection, so it gets one of its own.
  const connection = createRedis(redisUrl)
  const eventsConnection = createRedis(redisUrl)
  const prefix = bullPrefix(redisPrefix)
  const queue = new Queue(queueName, { connection, prefix })
  const events = new QueueEvents(queueName, { connection: eventsConnection, prefix })

  return {
    async run(jobs, waitMs) {
      await events.waitUntilReady()
      const added = await queue.addBulk(
        jobs.map(({ name, data }) => ({
          name,
          data,
          opts: {
            jobId: `${name}-${randomUUID()}`,
            removeOnComplete: { age: 3600 },
            removeOnFail: { age: 3600 },
          },
        })),
      )
      return Promise.all(added.map((job) => settle<Result>(job, events, waitMs)))
    },
    async close() {
      await events.close()
      await queue.close()
      connection.disconnect()
      eventsConnection.disconnect()
    },
  }
}
