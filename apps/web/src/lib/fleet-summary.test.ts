import { describe, expect, it } from 'vitest'
import { makeGateway } from '../testing/fixtures.ts'
import { lowestUptimes, statusSlices, summarizeFleet } from './fleet-summary.ts'

describe('summarizeFleet', () => {
  it('counts statuses, sums last reported counts and ranks online latency', () => {
    const gateways = [
      makeGateway({ id: 1, status: 'online', latency: 40, sessions_count: 2, agents_count: 1 }),
      makeGateway({ id: 2, status: 'online', latency: 900, sessions_count: 3, agents_count: 2 }),
      makeGateway({ id: 3, status: 'online', latency: 120 }),
      // Down: its old latency does not rank, its last counts still add up.
      makeGateway({ id: 4, status: 'offline', latency: 5000, sessions_count: 4, agents_count: 1 }),
      makeGateway({ id: 5, status: 'timeout' }),
      makeGateway({ id: 6, status: 'unknown' }),
    ]
    const summary = summarizeFleet(gateways, 2)
    expect(summary.counts).toEqual({ online: 3, offline: 1, timeout: 1, error: 0, unknown: 1 })
    expect(summary.totals).toEqual({ gateways: 6, sessions: 9, agents: 4 })
    expect(summary.worstLatency).toEqual([
      { id: 2, name: 'gateway-2', latency: 900 },
      { id: 3, name: 'gateway-3', latency: 120 },
    ])
  })

  it('is all zeros for no gateways, and never ranks an online gateway without latency', () => {
    expect(summarizeFleet([])).toEqual({
      counts: { online: 0, offline: 0, timeout: 0, error: 0, unknown: 0 },
      totals: { gateways: 0, sessions: 0, agents: 0 },
      worstLatency: [],
    })
    expect(summarizeFleet([makeGateway({ id: 1, status: 'online', latency: null })]).worstLatency).toEqual([])
  })
})

describe('statusSlices', () => {
  it('keeps the statuses that occur, healthy first', () => {
    expect(statusSlices({ unknown: 2, error: 0, timeout: 1, offline: 0, online: 7 })).toEqual([
      { status: 'online', count: 7 },
      { status: 'timeout', count: 1 },
      { status: 'unknown', count: 2 },
    ])
  })
})

describe('lowestUptimes', () => {
  const row = (gateway_id: number, uptime_pct: number | null) => ({
    gateway_id,
    name: `gw-${gateway_id}`,
    uptime_pct,
  })

  it('shows the lowest few of a large fleet and counts the rest', () => {
    const rows = Array.from({ length: 1000 }, (_, i) => row(i + 1, i % 10 === 0 ? null : 100 - (i % 97)))
    const view = lowestUptimes(rows, 10)
    expect(view.lowest).toHaveLength(10)
    expect(view.lowest[0]?.uptime_pct).toBe(4)
    expect(view.lowest.map((r) => r.uptime_pct)).toEqual(
      [...view.lowest.map((r) => r.uptime_pct)].sort((a, b) => (a ?? 0) - (b ?? 0)),
    )
    expect(view.unprobed).toBe(100)
    expect(view.more).toBe(890)
  })

  it('orders equal uptimes by name and leaves gateways without probes out', () => {
    const view = lowestUptimes([row(2, 99.5), row(3, null), row(1, 99.5), row(4, 50)], 10)
    expect(view.lowest.map((r) => r.gateway_id)).toEqual([4, 1, 2])
    expect(view).toMatchObject({ more: 0, unprobed: 1 })
  })
})
