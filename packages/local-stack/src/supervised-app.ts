import type { ChildProcess } from 'node:child_process'
import { terminate } from './child.ts'
import { createRestartPolicy, type RestartPolicyOptions } from './restart-policy.ts'

export interface SupervisedApp {
  /** The running process (or the one that exited, while its restart is pending). */
  readonly process: ChildProcess
  /** Stops it for good: no restart follows. */
  stop(graceMs: number): Promise<void>
}

/**
 * Keeps one of `npm start`'s processes running: when it exits by itself, `report` gets one line and
 * it starts again after the policy's delay; when it keeps crashing at start, `giveUp` gets the line.
 */
export function superviseApp(options: {
  name: string
  start: () => ChildProcess
  report: (line: string) => void
  giveUp: (line: string) => void
  policy?: RestartPolicyOptions
}): SupervisedApp {
  const policy = createRestartPolicy(options.policy)
  let stopped = false
  let restart: NodeJS.Timeout | undefined
  let child: ChildProcess

  const run = () => {
    const startedAt = performance.now()
    child = options.start()
    child.once('exit', (code, signal) => {
      if (stopped) return
      const how = signal ?? `code ${code}`
      const decision = policy.afterExit(performance.now() - startedAt)
      if (!decision.restart) {
        options.giveUp(
          `${options.name} exited (${how}), ${decision.crashesAtStart} times in a row right after starting; stopping`,
        )
        return
      }
      options.report(`${options.name} exited (${how}); restarting it in ${decision.delayMs / 1000} s`)
      restart = setTimeout(run, decision.delayMs)
    })
  }
  run()

  return {
    get process() {
      return child
    },
    async stop(graceMs) {
      stopped = true
      clearTimeout(restart)
      await terminate(child, graceMs)
    },
  }
}
