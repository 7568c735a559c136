import type { MaintenanceWindow } from '@mc/shared'

export type WindowPhase = 'current' | 'upcoming' | 'recent'

/** Where a window stands at `now` (unix seconds): on now, still to come, or over (ended or cancelled). */
export function windowPhase(window: MaintenanceWindow, now: number): WindowPhase {
  if (window.active) return 'current'
  if (window.cancelled_at === null && window.starts_at > now) return 'upcoming'
  return 'recent'
}

/** Current windows first (ending soonest first), then upcoming (soonest first), then recent (latest first). */
export function sortWindows(windows: readonly MaintenanceWindow[], now: number): MaintenanceWindow[] {
  const rank: Record<WindowPhase, number> = { current: 0, upcoming: 1, recent: 2 }
  const key = (window: MaintenanceWindow) => {
    const phase = windowPhase(window, now)
    if (phase === 'current') return window.ends_at
    if (phase === 'upcoming') return window.starts_at
    return -(window.cancelled_at ?? window.ends_at)
  }
  return [...windows].sort((a, b) => rank[windowPhase(a, now)] - rank[windowPhase(b, now)] || key(a) - key(b))
}

/** A `datetime-local` input's value for unix seconds, in the browser's time zone. */
export function localInputValue(unixSeconds: number): string {
  const d = new Date(unixSeconds * 1000)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`
}

/** A `datetime-local` value as unix seconds; NaN (sent as null, so the API names the field) when empty. */
export const unixSecondsOf = (localValue: string) => Math.floor(new Date(localValue).getTime() / 1000)
