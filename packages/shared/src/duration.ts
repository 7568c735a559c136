const MINUTE = 60
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

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
