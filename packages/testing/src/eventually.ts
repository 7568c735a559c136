import { vi } from 'vitest'
import { PATIENCE_MS } from './patience.ts'

/** `vi.waitFor` that gives a loaded machine time: polls `check` until it stops throwing. */
export function eventually<T>(
  check: () => T | Promise<T>,
  options: { timeout?: number; interval?: number } = {},
): Promise<T> {
  return vi.waitFor(check, { timeout: PATIENCE_MS, interval: 50, ...options })
}
