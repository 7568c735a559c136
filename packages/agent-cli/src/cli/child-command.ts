import { type ChildProcess, spawn } from 'node:child_process'
import { errorMessage } from '@mc/shared'
import { exitCodeOf, spawnFailureExitCode } from './exit-code.ts'

export interface CommandOutcome {
  exitCode: number
  /** Why the command could not be started, when it could not. */
  startError?: string
}

export interface ChildCommand {
  /** Settles once the command has ended (or failed to start); never rejects. */
  readonly done: Promise<CommandOutcome>
  /** Passes a signal on to the command while it runs. */
  signal(signal: NodeJS.Signals): void
}

/** Runs `command` without a shell, sharing this process's stdin, stdout and stderr. */
export function runChildCommand(command: readonly string[], spawnChild: typeof spawn = spawn): ChildCommand {
  const [program = '', ...args] = command
  let child: ChildProcess | undefined
  let ended = false
  const done = new Promise<CommandOutcome>((resolve) => {
    const finish = (outcome: CommandOutcome) => {
      ended = true
      resolve(outcome)
    }
    try {
      child = spawnChild(program, args, { stdio: 'inherit' })
    } catch (error) {
      finish({ exitCode: 126, startError: errorMessage(error) })
      return
    }
    child.once('error', (error: NodeJS.ErrnoException) => {
      // 'error' without a pid: the program never started (ENOENT, EACCES, …).
      if (child?.pid === undefined) {
        finish({
          exitCode: spawnFailureExitCode(error),
          startError: `cannot run ${program}: ${error.code ?? error.message}`,
        })
      }
    })
    child.once('exit', (code, signal) => finish({ exitCode: exitCodeOf(code, signal) }))
  })
  return {
    done,
    signal(signal) {
      if (!ended && child?.pid !== undefined) child.kill(signal)
    },
  }
}
