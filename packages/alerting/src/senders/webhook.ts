import { nowUnixSeconds } from '@mc/shared'
import type { AlertMessage, ChannelTargetOf, IncidentNotice, SendOptions } from '../alert-message.ts'
import type { Attempt } from './attempt.ts'
import { postToReceiver } from './http-post.ts'
import { webhookSignature } from './webhook-signature.ts'

/** The webhook document's schema version; a breaking change to its shape gets a new one. */
export const WEBHOOK_VERSION = 1

/** What a webhook receiver gets (documented in docs/alerts.md § Channel payloads). Times are unix seconds. */
export interface WebhookPayload {
  version: typeof WEBHOOK_VERSION
  event: AlertMessage['event']
  delivery_id: string
  sent_at: number
  dashboard_url: string | null
  incidents: WebhookIncident[]
}

export interface WebhookIncident {
  id: number
  event: IncidentNotice['event']
  kind: IncidentNotice['kind']
  rule: string
  severity: IncidentNotice['severity']
  subject: IncidentNotice['subject']
  summary: string
  opened_at: number
  resolved_at: number | null
  url: string | null
}

export function webhookPayload(message: AlertMessage, sentAt: number): WebhookPayload {
  return {
    version: WEBHOOK_VERSION,
    event: message.event,
    delivery_id: message.deliveryId,
    sent_at: sentAt,
    dashboard_url: message.dashboardUrl,
    incidents: message.notices.map((notice) => ({
      id: notice.incidentId,
      event: notice.event,
      kind: notice.kind,
      rule: notice.ruleName,
      severity: notice.severity,
      subject: notice.subject,
      summary: notice.summary,
      opened_at: unixSeconds(notice.openedAt),
      resolved_at: notice.resolvedAt && unixSeconds(notice.resolvedAt),
      url: notice.url,
    })),
  }
}

export function sendWebhook(
  target: ChannelTargetOf<'webhook'>,
  message: AlertMessage,
  options: SendOptions,
): Promise<Attempt> {
  const timestamp = nowUnixSeconds()
  const body = JSON.stringify(webhookPayload(message, timestamp))
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    'User-Agent': 'MissionControl-Alerts',
    'X-MC-Event': message.event,
    'X-MC-Delivery': message.deliveryId,
    'X-MC-Timestamp': String(timestamp),
  }
  if (target.config.secret)
    headers['X-MC-Signature'] = webhookSignature(target.config.secret, timestamp, body)
  return postToReceiver(target.config.url, body, headers, options.timeoutMs)
}

const unixSeconds = (date: Date) => Math.floor(date.getTime() / 1000)
