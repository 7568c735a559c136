import { describe, expect, it } from 'vitest'
import { backoffDelay } from './backoff.ts'

const policy = { baseMs: 1000, maxMs: 30_000 }

describe('backoffDelay', () => {
  it('starts at the base and doubles up to the maximum', () => {
    const middle = () => 0.5
    expect([0, 1, 2, 3, 4, 5, 6, 40].map((n) => backoffDelay(n, policy, middle))).toEqual([
      1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000,
    ])
  })

  it('adds up to 20 % jitter either way, never above the maximum', () => {
    expect(backoffDelay(0, policy, () => 0)).toBe(800)
    expect(backoffDelay(0, policy, () => 0.999_999)).toBe(1200)
    expect(backoffDelay(10, policy, () => 0.999_999)).toBe(30_000)
    expect(backoffDelay(10, policy, () => 0)).toBe(24_000)
  })
})
