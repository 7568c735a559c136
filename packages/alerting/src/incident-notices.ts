import { type NoticeEventName, queueNotices } from '@mc/db'
import type { AlertDeliveryJob } from '@mc/runtime'
import type { JobsOptions } from 'bullmq'
import type { AlertContext } from './alert-context.ts'

/** Attempts per delivery: with the default retry base (20 s, doubling), they span about 10 minutes. */
export const DELIVERY_ATTEMPTS = 6

/**
 * One delivery job per channel and group wait: the first notice schedules it `ALERT_GROUP_WAIT_S`
 * ahead, and notices queued until it runs ride along (its deduplication id holds while it waits).
 * A notice queued while it runs gets a job of its own once it is done.
 */
export function deliveryJobOptions(channelId: number, settings: AlertContext['settings']): JobsOptions {
  return {
    delay: settings.ALERT_GROUP_WAIT_S * 1000,
    deduplication: { id: `channel-${channelId}`, keepLastIfActive: true },
    attempts: DELIVERY_ATTEMPTS,
    backoff: { type: 'exponential', delay: settings.ALERT_RETRY_BASE_MS },
    removeOnComplete: { count: 1000 },
    removeOnFail: { count: 1000 },
  }
}

/** Schedules a delivery for each channel (the outbox says what it sends). */
export async function scheduleDeliveries(ctx: AlertContext, channelIds: number[]): Promise<void> {
  await ctx.deliveryQueue.addBulk(
    channelIds.map((channelId) => ({
      name: 'deliver',
      data: { channel_id: channelId } satisfies AlertDeliveryJob,
      opts: deliveryJobOptions(channelId, ctx.settings),
    })),
  )
}

/**
 * Tells the channels of each incident's rule about it (`incident.opened`, a reminder, or its
 * resolution), respecting maintenance windows and disabled channels.
 */
export async function queueIncidentNotices(
  ctx: AlertContext,
  incidentIds: number[],
  event: NoticeEventName,
): Promise<void> {
  const { channelIds } = await queueNotices(ctx.db, incidentIds, event)
  await scheduleDeliveries(ctx, channelIds)
}
