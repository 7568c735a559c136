import type { AlertChannelType, AlertRuleKind, AlertSeverity, AlertSubjectType } from '@mc/shared'

/** What a notice says of one incident. */
export type NoticeEvent = 'incident.opened' | 'incident.reminder' | 'incident.resolved'

export interface IncidentNotice {
  event: NoticeEvent
  incidentId: number
  kind: AlertRuleKind
  ruleName: string
  severity: AlertSeverity
  subject: { type: AlertSubjectType; id: number; name: string }
  /** One line, e.g. "gw-eu-1 is offline: connect ECONNREFUSED 127.0.0.1:18789". */
  summary: string
  openedAt: Date
  resolvedAt: Date | null
  /** The incident in the dashboard, when PUBLIC_URL is set. */
  url: string | null
}

/**
 * One message to one channel: every notice that fell within the group wait, or a test. `event` is
 * the notices' common event, `incident.batch` when they differ, or `test`.
 */
export interface AlertMessage {
  event: NoticeEvent | 'incident.batch' | 'test'
  /** Unique per delivery (not per attempt): receivers use it to drop duplicates. */
  deliveryId: string
  notices: IncidentNotice[]
  /** The dashboard, when PUBLIC_URL is set. */
  dashboardUrl: string | null
}

/** A channel with its secrets decrypted, ready to send to. */
export type ChannelTarget =
  | { type: 'webhook'; name: string; config: { url: string; secret?: string | null } }
  | { type: 'slack'; name: string; config: { url: string } }
  | { type: 'discord'; name: string; config: { url: string } }
  | { type: 'email'; name: string; config: { to: string[] } }
  | { type: 'ntfy'; name: string; config: { url: string; priority?: string } }

export type ChannelTargetOf<T extends AlertChannelType> = Extract<ChannelTarget, { type: T }>

/** How one attempt went. */
export interface SendResult {
  ok: boolean
  /** The HTTP status, or the SMTP reply code. */
  statusCode: number | null
  /** The SMTP reply, or the start of the HTTP answer (at most 500 characters). */
  reply: string | null
  durationMs: number
  /** Why it failed, in one line; never a secret (no Slack/Discord URL, no SMTP password). */
  error: string | null
}

export interface SendOptions {
  /** SMTP_URL and SMTP_FROM; email channels fail with a clear error without them. */
  smtp: { url: string; from: string } | null
  /** Per attempt. */
  timeoutMs: number
}
