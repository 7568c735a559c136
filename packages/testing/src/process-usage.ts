import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'

// Linux counts a process's CPU time in clock ticks (almost always 100 a second).
const TICKS_PER_S = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100

/** The CPU time (user + system) process `pid` has used so far, in ms, from /proc. */
export function cpuTimeMs(pid: number): number {
  // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? []
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_S
}

/**
 * The CPU time all live processes whose command line holds `text` have used so far, in ms: what a
 * bench's servers cost between two readings (`redis-server`; a Postgres backend's title names its
 * database). A process that exits in between takes its share with it.
 */
export function cpuTimeOfProcessesMs(text: string): number {
  let total = 0
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue
    try {
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(text)) total += cpuTimeMs(Number(entry))
    } catch {
      // Gone since the listing.
    }
  }
  return total
}

/** The resident memory of process `pid` now (VmRSS) and at its peak so far (VmHWM), in MB. */
export function residentMb(pid: number): { now: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const mb = (field: string) =>
    Math.round(Number(status.match(new RegExp(`${field}:\\s+(\\d+) kB`))?.[1] ?? Number.NaN) / 1024)
  return { now: mb('VmRSS'), peak: mb('VmHWM') }
}
