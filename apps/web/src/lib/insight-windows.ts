/** A time window a page offers: its URL value, its label and how far back it reaches. */
export interface InsightWindow<Key extends string = string> {
  key: Key
  label: string
  seconds: number
}

const HOUR = 3600
const DAY = 24 * HOUR

/** The Tools page's windows; 24 hours unless the URL says otherwise. */
export const TOOL_WINDOWS = [
  { key: '1h', label: '1 h', seconds: HOUR },
  { key: '24h', label: '24 h', seconds: DAY },
  { key: '7d', label: '7 d', seconds: 7 * DAY },
] as const satisfies readonly InsightWindow[]
export type ToolWindow = (typeof TOOL_WINDOWS)[number]['key']
export const DEFAULT_TOOL_WINDOW: ToolWindow = '24h'

/** The Usage page's windows, in whole days; 30 days unless the URL says otherwise. */
export const USAGE_WINDOWS = [
  { key: '7d', label: '7 days', seconds: 7 * DAY },
  { key: '30d', label: '30 days', seconds: 30 * DAY },
  { key: '90d', label: '90 days', seconds: 90 * DAY },
] as const satisfies readonly InsightWindow[]
export type UsageWindow = (typeof USAGE_WINDOWS)[number]['key']
export const DEFAULT_USAGE_WINDOW: UsageWindow = '30d'

/** The window `value` names among `windows`, else `fallback` (a URL with an unknown window). */
export function windowKey<Key extends string>(
  windows: readonly InsightWindow<Key>[],
  value: string | null,
  fallback: Key,
): Key {
  return windows.find((window) => window.key === value)?.key ?? fallback
}

/**
 * `{ since }` in unix seconds for a window ending now. Computed when a query runs, not in its key:
 * a key made from the clock would change on every render.
 */
export function windowSince(windows: readonly InsightWindow[], key: string, nowMs = Date.now()) {
  const seconds = windows.find((window) => window.key === key)?.seconds ?? DAY
  return { since: Math.floor(nowMs / 1000) - seconds }
}
