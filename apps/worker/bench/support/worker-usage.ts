import type { ChildProcess } from 'node:child_process'
import { cpuTimeMs, residentMb } from '@mc/testing/process-usage'

/** Ends a bench worker as a deployment would (SIGTERM: it gives its gateways up) and waits for it. */
export async function stopWorker(worker: ChildProcess): Promise<void> {
  if (worker.exitCode !== null || worker.signalCode !== null) return
  const exited = new Promise((resolve) => worker.once('exit', resolve))
  worker.kill('SIGTERM')
  await exited
}

export interface RestUsage {
  /** CPU time over the window, % of one core. */
  cpuPercent: number
  /** RSS at the window's end and its peak since the process started, MB. */
  rss: { now: number; peak: number }
}

/** Each named process's CPU use and RSS over a rest window of `ms`, which starts now. */
export async function usageAtRest<K extends string>(
  pids: Record<K, number>,
  ms: number,
): Promise<Record<K, RestUsage>> {
  const entries = Object.entries(pids) as [K, number][]
  const before = entries.map(([, pid]) => cpuTimeMs(pid))
  await new Promise((r) => setTimeout(r, ms))
  return Object.fromEntries(
    entries.map(([name, pid], i) => [
      name,
      { cpuPercent: ((cpuTimeMs(pid) - (before[i] ?? 0)) / ms) * 100, rss: residentMb(pid) },
    ]),
  ) as Record<K, RestUsage>
}
