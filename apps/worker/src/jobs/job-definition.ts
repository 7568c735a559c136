import type { Job } from 'bullmq'

/**
 * One kind of background work: its queue, what a job does, and optionally a schedule. Job data
 * lives in Redis in clear text, so it must never carry a secret.
 */
export interface JobDefinition<Data = unknown> {
  queue: string
  process: (job: Job<Data>) => Promise<unknown>
  /** Upserted as a BullMQ job scheduler, so any number of workers share one schedule. */
  every?: { ms: number; data: Data }
  concurrency?: number
}

export function defineJob<Data>(definition: JobDefinition<Data>): JobDefinition {
  return definition as JobDefinition
}
