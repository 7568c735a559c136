import type { Redis } from 'ioredis'
import { bullPrefix, jobSchedulerId, SCHEDULED_QUEUES } from './queues.ts'

/**
 * The scheduled queues whose BullMQ job scheduler is missing from Redis (none while the worker's
 * schedules are in place). Reads the scheduler index BullMQ keeps per queue, a sorted set at
 * `<bull prefix>:<queue>:repeat` with one member per scheduler id, as `Queue.getJobScheduler` does.
 */
export async function missingJobSchedulers(redis: Redis, prefix: string): Promise<string[]> {
  const pipeline = redis.pipeline()
  for (const queue of SCHEDULED_QUEUES) {
    pipeline.zscore(`${bullPrefix(prefix)}:${queue}:repeat`, jobSchedulerId(queue))
  }
  const replies = (await pipeline.exec()) ?? []
  return SCHEDULED_QUEUES.filter((_queue, index) => {
    const [error, score] = replies[index] ?? [new Error('no reply'), null]
    if (error) throw error
    return score === null
  })
}
