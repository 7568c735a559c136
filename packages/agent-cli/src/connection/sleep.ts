import { setTimeout as delay } from 'node:timers/promises'

/** Waits `ms`; rejects (with an AbortError) as soon as `signal` fires. Injectable for tests. */
export type Sleep = (ms: number, signal: AbortSignal) => Promise<void>

export const sleep: Sleep = async (ms, signal) => {
  await delay(ms, undefined, { signal })
}
