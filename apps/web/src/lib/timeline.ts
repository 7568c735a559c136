import type { GatewayEventRow } from '@mc/shared'

/** The start times the timeline offers, as seconds back from now. */
export const TIMELINE_WINDOWS = [
  { label: 'Last 15 minutes', seconds: 900 },
  { label: 'Last hour', seconds: 3600 },
  { label: 'Last 6 hours', seconds: 6 * 3600 },
  { label: 'Last 24 hours', seconds: 86_400 },
  { label: 'Last 7 days', seconds: 7 * 86_400 },
] as const

/** `since` (unix seconds) for a window chosen now; none for "any time". */
export function sinceForWindow(seconds: number | undefined, nowMs = Date.now()): number | undefined {
  return seconds === undefined ? undefined : Math.floor(nowMs / 1000) - seconds
}

/** What a stored row stands for: "" for one event, "×240, sampled" for a minute of a flood kept as one. */
export function sampledLabel(event: Pick<GatewayEventRow, 'count' | 'sampled'>): string {
  if (!event.sampled) return event.count > 1 ? `×${event.count}` : ''
  return `×${event.count.toLocaleString('en')}, sampled`
}
