export interface RestartPolicyOptions {
  /** Wait before the first restart; it doubles with each crash in a row. */
  initialDelayMs?: number
  maxDelayMs?: number
  /** A run this long counts as healthy: the next crash is restarted after the initial delay again. */
  stableAfterMs?: number
  /** An exit this soon after starting is a crash at start… */
  startupWindowMs?: number
  /** …and after this many of them in a row the child is given up on. */
  maxCrashesAtStart?: number
}

export type RestartDecision = { restart: true; delayMs: number } | { restart: false; crashesAtStart: number }

/**
 * What `npm start` does when one of its children exits by itself: restart it with a backoff, or
 * give up when it keeps crashing right after starting (a bad setting, a port in use), which no
 * number of restarts fixes.
 */
export function createRestartPolicy({
  initialDelayMs = 1000,
  maxDelayMs = 30_000,
  stableAfterMs = 60_000,
  startupWindowMs = 10_000,
  maxCrashesAtStart = 5,
}: RestartPolicyOptions = {}) {
  let nextDelayMs = initialDelayMs
  let crashesAtStart = 0
  return {
    /** Called once per exit, with how long that run lasted. */
    afterExit(uptimeMs: number): RestartDecision {
      if (uptimeMs >= stableAfterMs) nextDelayMs = initialDelayMs
      crashesAtStart = uptimeMs < startupWindowMs ? crashesAtStart + 1 : 0
      if (crashesAtStart >= maxCrashesAtStart) return { restart: false, crashesAtStart }
      const delayMs = nextDelayMs
      nextDelayMs = Math.min(nextDelayMs * 2, maxDelayMs)
      return { restart: true, delayMs }
    },
  }
}
