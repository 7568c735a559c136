export interface BackoffPolicy {
  /** The first delay. */
  baseMs: number
  /** The delays double up to this. */
  maxMs: number
}

/** How much of each delay is random, so api replicas do not all reconnect in the same instant. */
const JITTER = 0.2

/**
 * The wait before reconnect attempt `failures + 1`: `baseMs` doubling per failure up to `maxMs`,
 * then ±20 % jitter (never above `maxMs`).
 */
export function backoffDelay(failures: number, policy: BackoffPolicy, random: () => number = Math.random) {
  const exponential = policy.baseMs * 2 ** Math.min(failures, 30)
  const capped = Math.min(policy.maxMs, exponential)
  const jittered = capped * (1 - JITTER + 2 * JITTER * random())
  return Math.max(1, Math.round(Math.min(policy.maxMs, jittered)))
}
