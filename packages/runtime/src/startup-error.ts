/**
 * A failure an operator can fix (bad config, unreachable dependency). `runMain` prints its
 * message as one line instead of a stack trace.
 */
export class StartupError extends Error {
  override name = 'StartupError'
}
