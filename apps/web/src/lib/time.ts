export { formatDuration } from '@mc/shared'

const MINUTE = 60
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

/** "3 s ago", "5 min ago", "2 h ago", "4 d ago" for an age in seconds; "never" when there is none. */
export function formatAge(ageSeconds: number | null): string {
  if (ageSeconds === null) return 'never'
  const age = Math.max(0, Math.floor(ageSeconds))
  if (age < MINUTE) return `${age} s ago`
  if (age < HOUR) return `${Math.floor(age / MINUTE)} min ago`
  if (age < DAY) return `${Math.floor(age / HOUR)} h ago`
  return `${Math.floor(age / DAY)} d ago`
}

const pad = (n: number) => String(n).padStart(2, '0')

/** A unix-seconds timestamp as a local calendar date: "2026-05-01". */
export function formatDate(unixSeconds: number): string {
  const d = new Date(unixSeconds * 1000)
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

/** A unix-seconds timestamp as local date and time: "2026-05-01 14:03:07". */
export function formatDateTime(unixSeconds: number): string {
  const d = new Date(unixSeconds * 1000)
  return `${formatDate(unixSeconds)} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`
}

/** A unix-seconds timestamp as a local time of day: "14:03", for chart axes. */
export function formatClock(unixSeconds: number): string {
  const d = new Date(unixSeconds * 1000)
  return `${pad(d.getHours())}:${pad(d.getMinutes())}`
}
