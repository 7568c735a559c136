import type { ChildProcess } from 'node:child_process'
import { once } from 'node:events'

export function isRunning(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null
}

/** Sends SIGTERM, waits up to `graceMs`, then SIGKILL. Resolves when the process is gone. */
export async function terminate(child: ChildProcess, graceMs: number): Promise<void> {
  if (!isRunning(child)) return
  const exited = once(child, 'exit')
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs)
  await exited
  clearTimeout(timer)
}

/**
 * For a child spawned with `detached: true`: SIGTERM to its whole process group, SIGKILL to what is
 * left of it after `graceMs`. Resolves when no process of the group is left, so a program the child
 * started through a shell (`npm run` → `sh -c` → vite), which a signal to the child alone misses,
 * is gone too.
 */
export async function terminateGroup(child: ChildProcess, graceMs: number): Promise<void> {
  const group = child.pid
  if (group === undefined) return
  const signalGroup = (signal: NodeJS.Signals | 0) => {
    try {
      process.kill(-group, signal)
      return true
    } catch {
      return false // ESRCH: nothing of the group is left
    }
  }
  if (!signalGroup('SIGTERM')) return
  const deadline = Date.now() + graceMs
  let killedAt: number | undefined
  // A process group has no exit event to wait for: look every 50 ms whether anything is left.
  while (signalGroup(0)) {
    if (killedAt === undefined && Date.now() > deadline) {
      signalGroup('SIGKILL')
      killedAt = Date.now()
    }
    // A second after SIGKILL only zombies are left, which their parent (or init) reaps, not us.
    if (killedAt !== undefined && Date.now() - killedAt > 1000) return
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}
