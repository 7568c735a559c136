import type { Database, GatewayUptime24h } from '@mc/db'
import { describe, expect, it } from 'vitest'
import { cachedUptime24h } from './uptime-cache.ts'

const db = {} as Database

/** Uptime loads that take `loadMs` of a clock the test moves, over a fleet the test edits. */
function fakeFleet(loadMs: number) {
  let now = 0
  let loads = 0
  const fleet = { stamp: '1:1', uptime: 100 }
  const sources = {
    now: () => now,
    stamp: async () => fleet.stamp,
    load: async (): Promise<GatewayUptime24h[]> => {
      loads += 1
      now += loadMs
      return [{ gatewayId: 1, name: 'alpha', uptime24h: fleet.uptime }]
    },
  }
  return {
    fleet,
    uptime24h: cachedUptime24h(sources),
    advance: (ms: number) => {
      now += ms
    },
    loads: () => loads,
  }
}

const uptimeOf = async (read: (db: Database) => Promise<GatewayUptime24h[]>) => (await read(db))[0]?.uptime24h

describe('cachedUptime24h', () => {
  it('reuses a slow load for thirty times what it took, then serves it while one refresh runs', async () => {
    const t = fakeFleet(700)
    expect(await uptimeOf(t.uptime24h)).toBe(100)
    t.fleet.uptime = 99
    t.advance(20_000)
    expect(await uptimeOf(t.uptime24h)).toBe(100)
    expect(t.loads()).toBe(1)
    t.advance(1_000)
    // Past 21 s (30 × 700 ms): the old figures now, the new ones from the refresh it started.
    expect(await uptimeOf(t.uptime24h)).toBe(100)
    await new Promise((resolve) => setImmediate(resolve))
    expect(t.loads()).toBe(2)
    expect(await uptimeOf(t.uptime24h)).toBe(99)
  })

  it('never keeps a quick load, and recomputes at once when a gateway is added or removed', async () => {
    const quick = fakeFleet(0)
    await quick.uptime24h(db)
    quick.fleet.uptime = 50
    expect(await uptimeOf(quick.uptime24h)).toBe(50)

    const slow = fakeFleet(700)
    await slow.uptime24h(db)
    slow.fleet.uptime = 42
    slow.fleet.stamp = '2:2'
    expect(await uptimeOf(slow.uptime24h)).toBe(42)
  })

  it('recomputes in the foreground once the figures are older than five minutes', async () => {
    const t = fakeFleet(700)
    await t.uptime24h(db)
    t.fleet.uptime = 10
    t.advance(5 * 60_000)
    expect(await uptimeOf(t.uptime24h)).toBe(10)
  })
})
