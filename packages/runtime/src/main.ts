import { StartupError } from './startup-error.ts'

export interface StartedProcess {
  stop(): Promise<void>
  /** How long `stop` may take (SHUTDOWN_TIMEOUT_MS) before the process exits anyway. */
  shutdownTimeoutMs: number
}

/**
 * Runs a server process: starts it, stops it once on SIGINT/SIGTERM (or when a parent that forked
 * it goes away), and turns operator-fixable failures into one line on stderr and exit code 1.
 */
export async function runMain(name: string, start: () => Promise<StartedProcess>): Promise<void> {
  let started: StartedProcess
  try {
    started = await start()
  } catch (error) {
    const message =
      error instanceof StartupError ? error.message : error instanceof Error ? error.stack : error
    process.stderr.write(`${name}: ${message}\n`)
    process.exit(1)
  }
  let stopping = false
  const shutdown = (reason: string) => {
    if (stopping) return
    stopping = true
    const { shutdownTimeoutMs } = started
    const force = setTimeout(() => {
      process.stderr.write(`${name}: shutdown took over ${shutdownTimeoutMs} ms (${reason}); exiting\n`)
      process.exit(1)
    }, shutdownTimeoutMs)
    force.unref()
    started.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`${name}: error during shutdown: ${String(error)}\n`)
        process.exit(1)
      },
    )
  }
  process.once('SIGINT', () => shutdown('SIGINT'))
  process.once('SIGTERM', () => shutdown('SIGTERM'))
  if (process.send) process.once('disconnect', () => shutdown('parent exited'))
}
