import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'

/** A command line running in `bash -c`, in a process group of its own (as a terminal runs it). */
export interface ShellRun {
  /** The line as logs and messages may show it. */
  readonly shown: string
  readonly child: ChildProcess
  /** stdout and stderr so far, interleaved as they arrived. */
  output(): string
  /** The exit code, or the name of the signal that ended it. */
  readonly exited: Promise<number | NodeJS.Signals>
  /** Ctrl-C: SIGINT to every process of the group, as a terminal sends it. */
  interrupt(): void
  /** SIGKILL to the group; a no-op once it has exited. */
  kill(): void
}

export function runShell(
  line: string,
  options: { cwd: string; env: NodeJS.ProcessEnv; shown?: string },
): ShellRun {
  const child = spawn('bash', ['-c', line], {
    cwd: options.cwd,
    env: options.env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const chunks: string[] = []
  child.stdout?.on('data', (chunk) => chunks.push(String(chunk)))
  child.stderr?.on('data', (chunk) => chunks.push(String(chunk)))
  // 'close', not 'exit': the output is complete only once the pipes are closed.
  const exited = once(child, 'close').then(([code, signal]) => (code ?? signal) as number | NodeJS.Signals)
  const signalGroup = (signal: NodeJS.Signals) => {
    if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return
    try {
      process.kill(-child.pid, signal)
    } catch {
      // the group is already gone
    }
  }
  return {
    shown: options.shown ?? line,
    child,
    output: () => chunks.join(''),
    exited,
    interrupt: () => signalGroup('SIGINT'),
    kill: () => signalGroup('SIGKILL'),
  }
}
