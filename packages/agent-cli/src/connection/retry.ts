import { AgentApiError } from '../api/agent-api-error.ts'
import { type BackoffOptions, type Random, retryDelay } from './backoff.ts'
import type { Sleep } from './sleep.ts'

export interface RetryOptions {
  backoff: BackoffOptions
  random: Random
  sleep: Sleep
  /** Ends the waiting between attempts (the attempt in flight is the caller's to abort). */
  signal: AbortSignal
  /** Told before each wait. */
  onRetry?: (error: AgentApiError, attempt: number, delayMs: number) => void
}

/**
 * Runs `attempt` until it succeeds, retrying transient `AgentApiError`s after a backoff that honours
 * Retry-After. Any other failure is thrown at once; so is an AbortError when `signal` fires.
 */
export async function retryTransient<T>(attempt: () => Promise<T>, options: RetryOptions): Promise<T> {
  for (let failures = 0; ; failures++) {
    try {
      return await attempt()
    } catch (error) {
      if (!(error instanceof AgentApiError) || error.kind !== 'transient') throw error
      const delayMs = retryDelay(failures, error.retryAfterMs, options.backoff, options.random)
      options.onRetry?.(error, failures + 1, delayMs)
      await options.sleep(delayMs, options.signal)
    }
  }
}
