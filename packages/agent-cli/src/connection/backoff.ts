/** A source of uniform random numbers in [0, 1), injectable so tests can pin the jitter. */
export type Random = () => number

export interface BackoffOptions {
  /** Shortest wait between two attempts. */
  minMs: number
  /** Longest wait between two attempts (a server's Retry-After may ask for more, up to `retryAfterCapMs`). */
  maxMs: number
  /** The most a Retry-After header can make the client wait. */
  retryAfterCapMs: number
}

export const DEFAULT_BACKOFF: BackoffOptions = { minMs: 500, maxMs: 30_000, retryAfterCapMs: 300_000 }

/**
 * The wait before retry number `attempt` (0 for the first retry): exponential with "equal jitter",
 * uniform in [ceiling / 2, ceiling] where the ceiling doubles from 2 × minMs, clamped to [minMs, maxMs].
 */
export function backoffDelay(attempt: number, options: BackoffOptions, random: Random = Math.random): number {
  const ceiling = Math.min(options.maxMs, options.minMs * 2 ** (Math.max(0, attempt) + 1))
  const delay = ceiling / 2 + random() * (ceiling / 2)
  return Math.round(Math.min(options.maxMs, Math.max(options.minMs, delay)))
}

/**
 * The wait before a retry when the server may have said how long to wait: never sooner than its
 * Retry-After (capped), never sooner than the backoff.
 */
export function retryDelay(
  attempt: number,
  retryAfterMs: number | undefined,
  options: BackoffOptions,
  random: Random = Math.random,
): number {
  const backoff = backoffDelay(attempt, options, random)
  if (retryAfterMs === undefined) return backoff
  return Math.max(backoff, Math.min(options.retryAfterCapMs, Math.max(0, Math.round(retryAfterMs))))
}

/** `ms` moved by up to ± `fraction` of itself, uniformly (heartbeats from many agents spread out). */
export function withJitter(ms: number, fraction: number, random: Random = Math.random): number {
  return Math.round(ms * (1 - fraction + 2 * fraction * random()))
}
