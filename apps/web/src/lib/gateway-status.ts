import type { GatewayStatus } from '@mc/shared'
import { type StatusTone, TONE_LOOK } from '../components/StatusIcon.tsx'

/**
 * What each gateway status means on screen: online a green disc, offline a red square, timeout an
 * amber triangle, unknown a grey ring, and `error` (reachable but refusing: auth, protocol) a violet
 * diamond, so a gateway that answers wrongly never looks like one that is simply down.
 */
export const GATEWAY_STATUS_TONE: Record<GatewayStatus, StatusTone> = {
  online: 'ok',
  offline: 'error',
  timeout: 'warn',
  error: 'fault',
  unknown: 'unknown',
}

/** The status word's colour, matching its mark. */
export const GATEWAY_STATUS_TEXT = Object.fromEntries(
  Object.entries(GATEWAY_STATUS_TONE).map(([status, tone]) => [status, TONE_LOOK[tone].text]),
) as Record<GatewayStatus, string>

/** Filter chips and summaries list the statuses in this order: healthy first, never probed last. */
export const GATEWAY_STATUS_ORDER: readonly GatewayStatus[] = [
  'online',
  'offline',
  'timeout',
  'error',
  'unknown',
]

export type StatusCounts = Record<GatewayStatus, number>

export function countStatuses(statuses: Iterable<GatewayStatus>): StatusCounts {
  const counts: StatusCounts = { online: 0, offline: 0, timeout: 0, error: 0, unknown: 0 }
  for (const status of statuses) counts[status] += 1
  return counts
}

/** "12 online · 1 offline": the statuses that occur, in the usual order; "nothing" for none. */
export function summarizeStatuses(statuses: Iterable<GatewayStatus>): string {
  const counts = countStatuses(statuses)
  const parts = GATEWAY_STATUS_ORDER.filter((status) => counts[status] > 0).map(
    (status) => `${counts[status]} ${status}`,
  )
  return parts.length > 0 ? parts.join(' · ') : 'nothing'
}

/** A gateway leaving `old_status` for `status`, as a `gateway.status` event reports it. */
export interface StatusFlipCount {
  old_status: GatewayStatus
  status: GatewayStatus
}

/**
 * `counts` after each flip moved one gateway from its old status to its new one (never below
 * zero: counts a flip raced past are set right by the next fetch); `counts` itself without flips.
 */
export function withFlips(counts: StatusCounts, flips: readonly StatusFlipCount[]): StatusCounts {
  if (flips.length === 0) return counts
  const next = { ...counts }
  for (const flip of flips) {
    next[flip.old_status] = Math.max(0, next[flip.old_status] - 1)
    next[flip.status] += 1
  }
  return next
}

/** Gateways over every status. */
export const totalOf = (counts: StatusCounts) =>
  GATEWAY_STATUS_ORDER.reduce((sum, status) => sum + counts[status], 0)
