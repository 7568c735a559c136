import type { AlertMessage, IncidentNotice } from '../alert-message.ts'

/** Messages for the senders' tests: a gateway_down notice per name, opened 12 minutes ago. */
export function noticeOf(name: string, overrides: Partial<IncidentNotice> = {}): IncidentNotice {
  const openedAt = new Date(Date.now() - 12 * 60_000)
  return {
    event: 'incident.opened',
    incidentId: 1,
    kind: 'gateway_down',
    ruleName: 'Gateway down',
    severity: 'critical',
    subject: { type: 'gateway', id: 1, name },
    summary: `${name} is offline: connect ECONNREFUSED 127.0.0.1:18789`,
    openedAt,
    resolvedAt: null,
    url: null,
    ...overrides,
  }
}

export function messageOf(notices: IncidentNotice[], overrides: Partial<AlertMessage> = {}): AlertMessage {
  const events = new Set(notices.map((notice) => notice.event))
  const [only] = events
  return {
    event: events.size === 1 && only ? only : 'incident.batch',
    deliveryId: `delivery-${Math.random().toString(36).slice(2)}`,
    notices,
    dashboardUrl: null,
    ...overrides,
  }
}

/** `count` gateways down at once, gw-001 … gw-300. */
export function manyDown(count: number): AlertMessage {
  return messageOf(
    Array.from({ length: count }, (_, index) => {
      const name = `gw-${String(index + 1).padStart(3, '0')}`
      return noticeOf(name, { incidentId: index + 1, subject: { type: 'gateway', id: index + 1, name } })
    }),
  )
}

export const SEND_OPTIONS = { smtp: null, timeoutMs: 5_000 }
