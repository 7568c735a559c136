import type { Database } from '@mc/db'
import type { Logger } from '@mc/runtime'
import type { Job } from 'bullmq'

export interface JobContext {
  db: Database
  logger: Logger
}

/**
 * One kind of background work: its queue, what a job does, and optionally a schedule. Job data
 * lives in Redis in clear text, so it must never carry a secret.
 */
export interface JobDefinition<Data = unknown> {
  queue: string
  process: (job: Job<Data>, context: JobContext) => Promise<unknown>
  /** Upserted as a BullMQ job scheduler, so any number of workers share one schedule. */
  every?: { ms: number; data: Data }
  concurrency?: number
}

export function defineJob<Data>(definition: JobDefinition<Data>): JobDefinition<Data> {
  return definition
}
