import { describe, expect, it } from 'vitest'
import { backoffDelay, DEFAULT_BACKOFF, retryDelay, withJitter } from './backoff.ts'

const sequence = (...values: number[]) => {
  let i = 0
  return () => values[i++ % values.length] ?? 0
}

describe('backoffDelay', () => {
  it('doubles from 0.5–1 s and stays within [0.5 s, 30 s] whatever the randomness', () => {
    for (let attempt = 0; attempt < 40; attempt++) {
      for (const r of [0, 0.25, 0.5, 0.999999]) {
        const delay = backoffDelay(attempt, DEFAULT_BACKOFF, () => r)
        expect(delay).toBeGreaterThanOrEqual(500)
        expect(delay).toBeLessThanOrEqual(30_000)
      }
    }
    expect([0, 1, 2, 3].map((a) => backoffDelay(a, DEFAULT_BACKOFF, () => 0))).toEqual([
      500, 1000, 2000, 4000,
    ])
    expect([0, 1, 2, 3].map((a) => backoffDelay(a, DEFAULT_BACKOFF, () => 0.999999))).toEqual([
      1000, 2000, 4000, 8000,
    ])
    expect(backoffDelay(10, DEFAULT_BACKOFF, () => 0)).toBe(15_000)
    expect(backoffDelay(1000, DEFAULT_BACKOFF, () => 0.999999)).toBe(30_000)
  })

  it('spreads retries out (jitter) rather than retrying in lockstep', () => {
    const delays = new Set(Array.from({ length: 50 }, () => backoffDelay(4, DEFAULT_BACKOFF)))
    expect(delays.size).toBeGreaterThan(10)
  })
})

describe('retryDelay', () => {
  it('waits at least what Retry-After asks, capped, and never less than the backoff', () => {
    expect(retryDelay(0, 5000, DEFAULT_BACKOFF, () => 0)).toBe(5000)
    expect(retryDelay(0, 0, DEFAULT_BACKOFF, () => 0)).toBe(500)
    expect(retryDelay(6, 100, DEFAULT_BACKOFF, () => 0)).toBe(15_000)
    expect(retryDelay(0, 3_600_000, DEFAULT_BACKOFF, () => 0)).toBe(DEFAULT_BACKOFF.retryAfterCapMs)
    expect(retryDelay(2, undefined, DEFAULT_BACKOFF, () => 0)).toBe(2000)
  })
})

describe('withJitter', () => {
  it('moves an interval by at most ±20 %', () => {
    expect(withJitter(30_000, 0.2, () => 0)).toBe(24_000)
    expect(withJitter(30_000, 0.2, () => 0.5)).toBe(30_000)
    expect(withJitter(30_000, 0.2, () => 0.999999)).toBe(36_000)
    const random = sequence(0.1, 0.9, 0.3, 0.7)
    for (let i = 0; i < 8; i++) {
      const ms = withJitter(1000, 0.2, random)
      expect(ms).toBeGreaterThanOrEqual(800)
      expect(ms).toBeLessThanOrEqual(1200)
    }
  })
})
