import { readFileSync } from 'node:fs'
import { cpus } from 'node:os'

/**
 * CPU time the whole machine has spent busy so far (every core, every process, the kernel's
 * interrupt work included), in ms, from /proc/stat: beside the wall time it tells whether a run was
 * bound by the cores it had.
 */
export function machineBusyMs(): number {
  const fields =
    readFileSync('/proc/stat', 'utf8').split('\n')[0]?.trim().split(/\s+/).slice(1).map(Number) ?? []
  // user nice system idle iowait irq softirq steal: all but idle and iowait.
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = fields
  // /proc/stat counts in USER_HZ, which Linux fixes at 100 a second.
  return (user + nice + system + irq + softirq + steal) * 10
}

export const machineCores = cpus().length
