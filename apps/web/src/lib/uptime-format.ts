/** An uptime percentage: "100%", "99.93%", "0%"; "—" when there were no probes to count. */
export function formatUptime(percent: number | null): string {
  if (percent === null) return '—'
  if (percent >= 100) return '100%'
  if (percent <= 0) return '0%'
  // Never round a partial outage up to a perfect score.
  return `${(Math.floor(percent * 100) / 100).toFixed(2)}%`
}

/** Green from 99%, amber from 95%, red below; muted without data. */
export function uptimeClass(percent: number | null): string {
  if (percent === null) return 'text-muted-foreground'
  if (percent >= 99) return 'text-green-400'
  if (percent >= 95) return 'text-amber-400'
  return 'text-red-400'
}

/** A latency figure in whole milliseconds, "—" without one. */
export function formatMs(ms: number | null): string {
  return ms === null ? '—' : `${Math.round(ms)} ms`
}
