import { constants } from 'node:os'

/**
 * mc-agent's own status when Mission Control refused the agent (bad key, too low a role, a URL that
 * is not Mission Control) and the command itself succeeded: sysexits' EX_CONFIG, rare among
 * commands' own codes. A failed command's status wins: it says more.
 */
export const REFUSED_EXIT_CODE = 78

/** The status mc-agent exits with, from the command's and whether Mission Control refused the agent. */
export function agentExitCode(commandExitCode: number, refused: boolean): number {
  return refused && commandExitCode === 0 ? REFUSED_EXIT_CODE : commandExitCode
}

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
