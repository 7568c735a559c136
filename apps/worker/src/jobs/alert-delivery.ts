import { deliverNotices } from '@mc/alerting'
import { type AlertDeliveryJob, alertDeliveryJobSchema, QUEUES } from '@mc/runtime'
import type { WorkerContext } from '../worker-context.ts'
import { defineJob } from './job-definition.ts'

/** Sends a channel's queued notices as one message; BullMQ retries a failed attempt with backoff. */
export const alertDelivery = ({ alerts }: Pick<WorkerContext, 'alerts'>) =>
  defineJob<AlertDeliveryJob>({
    queue: QUEUES.alertDelivery,
    // Receivers are slow network peers: one slow channel must not hold up the others.
    concurrency: 20,
    async process(job) {
      const data = alertDeliveryJobSchema.parse(job.data)
      return deliverNotices(alerts, { id: job.id, data, attemptsMade: job.attemptsMade })
    },
  })
