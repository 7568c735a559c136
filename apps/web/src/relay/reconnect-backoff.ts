/** The browser's first retry after an unexpected close of the relay socket. */
export const BACKOFF_BASE_MS = 1_000
/** The longest wait between two retries. */
export const BACKOFF_MAX_MS = 30_000

/**
 * How long to wait before retry number `attempt` (0 = the first): doubling from 1 s up to 30 s, then
 * scaled by 0.5–1 (`random` in [0, 1)) so that browsers cut off together (an api restart) do not all
 * come back in the same millisecond.
 */
export function reconnectDelay(attempt: number, random: number): number {
  const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempt))
  return Math.round(ceiling * (0.5 + 0.5 * random))
}
