import { constants } from 'node:os'

/** The status a shell would report for a finished child: its code, or 128 + the signal's number. */
export function exitCodeOf(code: number | null, signal: NodeJS.Signals | null): number {
  if (code !== null) return code
  const number = signal === null ? undefined : constants.signals[signal]
  return number === undefined ? 1 : 128 + number
}

/** The status a shell uses when a program cannot be started: 127 not found, 126 not executable. */
export function spawnFailureExitCode(error: NodeJS.ErrnoException): number {
  return error.code === 'ENOENT' ? 127 : 126
}
