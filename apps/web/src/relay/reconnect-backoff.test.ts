import { describe, expect, it } from 'vitest'
import { BACKOFF_MAX_MS, reconnectDelay } from './reconnect-backoff.ts'

describe('reconnectDelay', () => {
  it('doubles from 1 s and stops growing at 30 s', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 20].map((attempt) => reconnectDelay(attempt, 0.999_999))).toEqual([
      1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000,
    ])
  })
  it('waits between half and all of that, by the random number', () => {
    expect(reconnectDelay(2, 0)).toBe(2_000)
    expect(reconnectDelay(2, 0.5)).toBe(3_000)
    expect(reconnectDelay(50, 0)).toBe(BACKOFF_MAX_MS / 2)
  })
})
