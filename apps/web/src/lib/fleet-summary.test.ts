import { describe, expect, it } from 'vitest'
import { lowestUptimes, statusSlices } from './fleet-summary.ts'

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
