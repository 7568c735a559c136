import { describe, expect, it } from 'vitest'
import { makeProbe } from '../testing/fixtures.ts'
import { failureSpans, latencyPoints, latencyTicks } from './latency-series.ts'

describe('latencyPoints', () => {
  it('puts the probes oldest first, once each, with no latency for failures', () => {
    const probes = [
      makeProbe({ id: 3, probed_at: 130, status: 'offline', latency: null, error: 'ECONNREFUSED' }),
      makeProbe({ id: 2, probed_at: 100, latency: 20 }),
      makeProbe({ id: 2, probed_at: 100, latency: 20 }),
      makeProbe({ id: 1, probed_at: 70, status: 'error', latency: 9 }),
    ]
    expect(latencyPoints(probes)).toEqual([
      { at: 70, latency: null, status: 'error', error: null },
      { at: 100, latency: 20, status: 'online', error: null },
      { at: 130, latency: null, status: 'offline', error: 'ECONNREFUSED' },
    ])
  })
})

describe('failureSpans', () => {
  const point = (at: number, status: 'online' | 'offline' | 'timeout') => ({
    at,
    latency: status === 'online' ? 10 : null,
    status,
    error: null,
  })

  it('joins consecutive failures of one status until the next different probe', () => {
    const points = [
      point(0, 'online'),
      point(30, 'offline'),
      point(60, 'offline'),
      point(90, 'timeout'),
      point(120, 'online'),
      point(150, 'offline'),
    ]
    expect(failureSpans(points)).toEqual([
      { from: 30, to: 90, status: 'offline', probes: 2 },
      { from: 90, to: 120, status: 'timeout', probes: 1 },
      { from: 150, to: 150, status: 'offline', probes: 1 },
    ])
  })

  it('widens short spans to the minimum width', () => {
    expect(failureSpans([point(30, 'offline'), point(60, 'online')], 100)).toEqual([
      { from: 30, to: 130, status: 'offline', probes: 1 },
    ])
    expect(failureSpans([point(0, 'online')])).toEqual([])
  })
})

describe('latencyTicks', () => {
  it('steps by 1, 2 or 5 times a power of ten, at most five ticks, the last above the highest latency', () => {
    expect(latencyTicks(0)).toEqual([0, 1])
    expect(latencyTicks(1)).toEqual([0, 1, 2])
    expect(latencyTicks(3)).toEqual([0, 1, 2, 3, 4])
    expect(latencyTicks(10)).toEqual([0, 5, 10, 15])
    expect(latencyTicks(37)).toEqual([0, 10, 20, 30, 40])
    expect(latencyTicks(250)).toEqual([0, 100, 200, 300])
    expect(latencyTicks(4_999)).toEqual([0, 2_000, 4_000, 6_000])
  })
})
