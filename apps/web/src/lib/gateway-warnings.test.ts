import { describe, expect, it } from 'vitest'
import { latencyWarning, STALE_AFTER_S, staleWarning } from './gateway-warnings.ts'

describe('latencyWarning', () => {
  it('flags latency above 100 ms only', () => {
    expect(latencyWarning(null)).toBeNull()
    expect(latencyWarning(100)).toBeNull()
    expect(latencyWarning(101)).toMatch(/High latency/)
  })
})

describe('staleWarning', () => {
  const now = 1_000_000
  it('is quiet within three probe intervals and for a gateway never seen', () => {
    expect(staleWarning({ last_seen: now - STALE_AFTER_S }, now)).toBeNull()
    expect(staleWarning({ last_seen: null }, now)).toBeNull()
  })

  it('says how long ago the gateway was last seen when that is longer', () => {
    expect(staleWarning({ last_seen: now - 300 }, now)).toMatch(/^Stale: last successful probe 5 min ago/)
  })
})
