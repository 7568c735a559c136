import { GatewayError } from '../../src/client/gateway-error.ts'

const DEFAULT_PATIENCE_MS = 60_000
const DEFAULT_RETRY_MS = 500

/**
 * Retries `attempt` while the gateway refuses it as busy. A gateway's worker tasks share one queue of
 * 128 (on 2 cores, one worker): after a burst of `sessions.create` on a loaded machine, `sessions.list`
 * was answered `UNAVAILABLE` "worker task capacity reached: code=overloaded" for a while. Any other
 * failure, or still busy after `patienceMs`, rejects.
 */
export async function whileOverloaded<T>(
  attempt: () => Promise<T>,
  patienceMs = DEFAULT_PATIENCE_MS,
): Promise<T> {
  const deadline = performance.now() + patienceMs
  for (;;) {
    try {
      return await attempt()
    } catch (error) {
      if (!(error instanceof GatewayError) || error.code !== 'UNAVAILABLE' || performance.now() > deadline) {
        throw error
      }
      await new Promise((resolve) => setTimeout(resolve, error.retryAfterMs ?? DEFAULT_RETRY_MS))
    }
  }
}
