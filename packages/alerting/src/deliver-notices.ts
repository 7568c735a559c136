import {
  type AlertChannelRow,
  addTimelineEntry,
  type ClaimedNotice,
  claimNotices,
  type Database,
  insertAlertDelivery,
  markNoticesDelivered,
} from '@mc/db'
import type { TokenCipher } from '@mc/runtime'
import type { AlertRuleKind, AlertSeverity, AlertSubjectType } from '@mc/shared'
import type { AlertContext } from './alert-context.ts'
import type { AlertMessage, IncidentNotice, SendOptions, SendResult } from './alert-message.ts'
import { channelTarget } from './channel-secrets.ts'
import { sendAlert } from './senders/send-alert.ts'

export interface DeliveryContext extends AlertContext {
  cipher: TokenCipher
  sendOptions: SendOptions
}

/** The incident's page in the dashboard, when PUBLIC_URL says where the dashboard is. */
export const incidentUrl = (publicUrl: string | undefined, incidentId: number) =>
  publicUrl ? new URL(`/incidents/${incidentId}`, publicUrl).toString() : null

function noticeOf({ event, incident }: ClaimedNotice, publicUrl: string | undefined): IncidentNotice {
  const kind = incident.kind as AlertRuleKind
  return {
    event,
    incidentId: incident.id,
    kind,
    ruleName: incident.ruleName,
    severity: incident.severity as AlertSeverity,
    subject: {
      type: incident.subjectType as AlertSubjectType,
      id: incident.subjectId,
      name: incident.subjectName,
    },
    summary: incident.summary,
    openedAt: incident.openedAt,
    resolvedAt: incident.resolvedAt,
    url: incidentUrl(publicUrl, incident.id),
  }
}

/** Every notice a delivery job claimed, as one message; its id stays the same across retries. */
export function alertMessageOf(
  channelId: number,
  claimed: ClaimedNotice[],
  publicUrl?: string,
): AlertMessage {
  const events = new Set(claimed.map((notice) => notice.event))
  const [first] = events
  const ids = claimed.map((notice) => notice.notificationId)
  return {
    event: events.size === 1 && first ? first : 'incident.batch',
    deliveryId: `mc-${channelId}-${ids[0]}-${ids.at(-1)}-${ids.length}`,
    notices: claimed.map((notice) => noticeOf(notice, publicUrl)),
    dashboardUrl: publicUrl ?? null,
  }
}

/** One attempt in the delivery log (`GET /api/alerts/deliveries`). */
export function logDeliveryAttempt(
  db: Database,
  attempt: {
    channel: Pick<AlertChannelRow, 'id' | 'name'>
    message: AlertMessage
    incidentIds: number[]
    attempt: number
    result: SendResult
  },
) {
  const { channel, message, result } = attempt
  return insertAlertDelivery(db, {
    channelId: channel.id,
    channelName: channel.name,
    event: message.event,
    incidentIds: attempt.incidentIds,
    attempt: attempt.attempt,
    ok: result.ok,
    statusCode: result.statusCode,
    reply: result.reply,
    durationMs: result.durationMs,
    error: result.error,
  })
}

/** What the incidents' timelines say of one attempt. */
function attemptDetail(channel: AlertChannelRow, attempt: number, result: SendResult): string {
  const outcome = result.ok
    ? `delivered${result.statusCode === null ? '' : ` (${result.statusCode})`}`
    : `failed: ${result.error ?? `status ${result.statusCode}`}`
  return `${channel.type} channel "${channel.name}", attempt ${attempt}: ${outcome}`
}

/**
 * A delivery job: sends its channel's claimed notices as one message, logs the attempt (delivery
 * log and each incident's timeline) and throws when it failed, so that BullMQ retries it later.
 */
export async function deliverNotices(
  ctx: DeliveryContext,
  job: { id?: string | undefined; data: { channel_id: number }; attemptsMade: number },
): Promise<{ sent: number }> {
  const claimed = await claimNotices(ctx.db, job.data.channel_id, job.id ?? 'unknown')
  if (!claimed || claimed.notices.length === 0) return { sent: 0 }
  const { channel, notices } = claimed
  const notificationIds = notices.map((notice) => notice.notificationId)
  const incidentIds = [...new Set(notices.map((notice) => notice.incident.id))]
  // Switched off meanwhile: what was queued for it is dropped, not sent later by surprise.
  if (!channel.enabled) {
    await markNoticesDelivered(ctx.db, notificationIds)
    return { sent: 0 }
  }
  const message = alertMessageOf(channel.id, notices, ctx.settings.PUBLIC_URL)
  const result = await sendAlert(channelTarget(channel, ctx.cipher), message, ctx.sendOptions)
  const attempt = job.attemptsMade + 1
  await logDeliveryAttempt(ctx.db, { channel, message, incidentIds, attempt, result })
  await addTimelineEntry(ctx.db, incidentIds, {
    type: result.ok ? 'notified' : 'delivery_failed',
    detail: attemptDetail(channel, attempt, result),
  })
  if (!result.ok) throw new Error(`delivery to channel ${channel.id} failed: ${result.error}`)
  await markNoticesDelivered(ctx.db, notificationIds)
  return { sent: notices.length }
}
