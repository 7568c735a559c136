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

/** A duration in its two largest units: "45 s", "12 min 5 s", "3 h 12 min", "2 d 4 h". */
export function formatDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds))
  if (s < MINUTE) return `${s} s`
  if (s < HOUR) return joinUnits(Math.floor(s / MINUTE), 'min', s % MINUTE, 's')
  if (s < DAY) return joinUnits(Math.floor(s / HOUR), 'h', Math.floor((s % HOUR) / MINUTE), 'min')
  return joinUnits(Math.floor(s / DAY), 'd', Math.floor((s % DAY) / HOUR), 'h')
}

function joinUnits(major: number, majorUnit: string, minor: number, minorUnit: string): string {
  return minor === 0 ? `${major} ${majorUnit}` : `${major} ${majorUnit} ${minor} ${minorUnit}`
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
