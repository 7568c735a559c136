import type { Job } from 'bullmq'

// BullMQ names each job of a job scheduler `repeat:<scheduler id>:<ms the iteration is due>`. Its
// `timestamp` is only when the job was created: BullMQ creates the next iteration as soon as the
// current one starts (or when a worker start upserts the scheduler), so two iterations one interval
// apart usually carry timestamps milliseconds apart.
const SCHEDULED_ID = /^repeat:.+:(\d+)$/

/** When this iteration of a job scheduler was due (epoch ms): the identity of the iteration. */
export function scheduledTimeOf(job: Pick<Job, 'id'>): number {
  const due = job.id?.match(SCHEDULED_ID)?.[1]
  if (due === undefined) throw new Error(`not a job scheduler's job: ${job.id}`)
  return Number(due)
}
