import { sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { insertToolCalls, insertToolHours, makeGateway } from '../../test/fixtures.ts'
import { useMigratedDatabase } from '../../test/migrated-database.ts'
import { listToolSummaries, TOOL_DETAIL_FAILURES, toolDetail } from './tool-reports.ts'

const t = useMigratedDatabase()
let seq = 0
const gateway = () => makeGateway(t.db, `tool-reports-${++seq}`)
const HOUR = 3_600_000
const NOW = Date.now()
const THIS_HOUR = Math.floor(NOW / HOUR) * HOUR
const minutesAgo = (minutes: number) => new Date(NOW - minutes * 60_000)
const hoursAgo = (hours: number) => new Date(THIS_HOUR - hours * HOUR)
const lastDay = () => ({ since: new Date(NOW - 24 * HOUR), until: new Date(NOW) })
const call = (endedAt: Date, durationMs: number, ok = true) => ({ endedAt, durationMs, ok })

describe('listToolSummaries', () => {
  it('gives exact counts and durations over a window of raw calls, per gateway', async () => {
    const [gw, other] = [await gateway(), await gateway()]
    const durations = [10, 20, 30, 40, 50, 60, 70, 80, 90, 1010]
    const exec = await insertToolCalls(t.db, gw.id, 'exec', [
      ...durations.map((ms, i) => call(minutesAgo(30 + i), ms, i % 4 !== 0)),
      // Outside the window on both sides.
      call(minutesAgo(25 * 60), 99_999, false),
      call(new Date(NOW + 60_000), 99_999, false),
    ])
    await insertToolCalls(t.db, other.id, 'exec', [call(minutesAgo(5), 5)])
    const rows = await listToolSummaries(t.db, { gatewayId: gw.id, ...lastDay() })
    expect(rows).toEqual([
      {
        toolId: exec,
        gatewayId: gw.id,
        gatewayName: gw.name,
        name: 'exec',
        calls: 10,
        failures: 3,
        p50Ms: 55,
        p95Ms: 596,
        maxMs: 1010,
        degrading: false,
      },
    ])
    const fleet = await listToolSummaries(t.db, lastDay())
    expect(fleet.filter((row) => row.name === 'exec').map((row) => row.gatewayId)).toEqual([gw.id, other.id])
  })

  it('lists a tool idle in the window with no durations, and leaves out one idle since before it', async () => {
    const gw = await gateway()
    await insertToolCalls(t.db, gw.id, 'later', [call(minutesAgo(5), 10)])
    await insertToolCalls(t.db, gw.id, 'old', [call(minutesAgo(3 * 24 * 60), 10)])
    const window = { gatewayId: gw.id, since: minutesAgo(120), until: minutesAgo(60) }
    expect(await listToolSummaries(t.db, window)).toMatchObject([
      { name: 'later', calls: 0, failures: 0, p50Ms: null, p95Ms: null, maxMs: null },
    ])
  })

  it('flags a degrading tool', async () => {
    const gw = await gateway()
    await insertToolCalls(t.db, gw.id, 'slow', [
      ...Array.from({ length: 20 }, () => call(minutesAgo(2 * 24 * 60), 100)),
      ...Array.from({ length: 4 }, () => call(minutesAgo(10), 500)),
    ])
    await insertToolCalls(t.db, gw.id, 'fine', [call(minutesAgo(10), 500)])
    const rows = await listToolSummaries(t.db, { gatewayId: gw.id, ...lastDay() })
    expect(rows.map((row) => [row.name, row.degrading])).toEqual([
      ['fine', false],
      ['slow', true],
    ])
  })

  it('reads hours older than the kept raw calls from the rollup, percentiles weighted by calls', async () => {
    const gw = await gateway()
    // The oldest raw call of the whole table, its hour rolled up.
    const oldestHour = hoursAgo(6 * 24)
    await insertToolCalls(t.db, gw.id, 'exec', [
      call(new Date(oldestHour.getTime() + 30 * 60_000), 10, false),
      call(minutesAgo(90), 60),
      call(minutesAgo(80), 60, false),
    ])
    await insertToolHours(t.db, gw.id, 'exec', [
      { hour: oldestHour, calls: 1, failures: 1, p50Ms: 10, p95Ms: 10, maxMs: 10 },
    ])
    const window = { gatewayId: gw.id, since: hoursAgo(11 * 24), until: new Date(NOW) }
    // Nothing older rolled up, so nothing was pruned yet: every figure from the raw calls.
    expect((await listToolSummaries(t.db, window))[0]).toMatchObject({ calls: 3, p50Ms: 60, p95Ms: 60 })

    // Older hours rolled up, and the oldest kept hour's rollup counts calls pruned since.
    await insertToolHours(t.db, gw.id, 'exec', [
      { hour: hoursAgo(10 * 24), calls: 4, failures: 1, p50Ms: 100, p95Ms: 200, maxMs: 300 },
      { hour: hoursAgo(9 * 24), calls: 12, failures: 0, p50Ms: 20, p95Ms: 40, maxMs: 5000 },
    ])
    await t.db.execute(sql`
      update gateway_tool_hourly set calls = 4, failures = 2 where hour = ${oldestHour.toISOString()}::timestamptz`)
    const [row] = await listToolSummaries(t.db, window)
    // 4 + 12 + 4 rolled up, 2 raw after the rolled-up hour; the raw call in that hour counted once.
    expect(row).toMatchObject({ calls: 22, failures: 4, maxMs: 5000 })
    // (100·4 + 20·12 + 10·4 + 60·2) / 22 and (200·4 + 40·12 + 10·4 + 60·2) / 22.
    expect(row).toMatchObject({ p50Ms: 36, p95Ms: 65 })
    // Within the raw calls only, nothing comes from the rollup.
    const [recent] = await listToolSummaries(t.db, { gatewayId: gw.id, ...lastDay() })
    expect(recent).toMatchObject({ calls: 2, failures: 1, p50Ms: 60, p95Ms: 60, maxMs: 60 })
  })
})

describe('toolDetail', () => {
  it('is undefined for a tool never seen, on that gateway or any', async () => {
    const [gw, other] = [await gateway(), await gateway()]
    await insertToolCalls(t.db, gw.id, 'exec', [call(minutesAgo(5), 10)])
    expect(await toolDetail(t.db, 'exec', { gatewayId: other.id, ...lastDay() })).toBeUndefined()
    expect(await toolDetail(t.db, 'never-called', lastDay())).toBeUndefined()
    expect(await toolDetail(t.db, 'exec', { gatewayId: gw.id, ...lastDay() })).toBeDefined()
  })

  it('series the rolled-up hours from the rollup and later ones from the raw calls', async () => {
    const [gw, other] = [await gateway(), await gateway()]
    await insertToolHours(t.db, gw.id, 'browse', [
      { hour: hoursAgo(3), calls: 2, failures: 0, p50Ms: 100, p95Ms: 100, maxMs: 100 },
      { hour: hoursAgo(2), calls: 1, failures: 1, p50Ms: 300, p95Ms: 300, maxMs: 300 },
    ])
    await insertToolHours(t.db, other.id, 'browse', [
      { hour: hoursAgo(2), calls: 3, failures: 0, p50Ms: 100, p95Ms: 100, maxMs: 100 },
    ])
    await insertToolCalls(t.db, gw.id, 'browse', [
      // Already in the rollup of two hours ago: not counted again.
      call(new Date(hoursAgo(2).getTime() + 60_000), 300, false),
      call(new Date(hoursAgo(1).getTime() + 60_000), 40),
      call(new Date(hoursAgo(1).getTime() + 120_000), 60),
      call(hoursAgo(0), 7),
    ])
    const window = { since: hoursAgo(4), until: new Date(NOW) }
    const mine = await toolDetail(t.db, 'browse', { gatewayId: gw.id, ...window })
    expect(mine?.series).toEqual([
      { hour: hoursAgo(3), calls: 2, failures: 0, p50Ms: 100, p95Ms: 100, maxMs: 100 },
      { hour: hoursAgo(2), calls: 1, failures: 1, p50Ms: 300, p95Ms: 300, maxMs: 300 },
      { hour: hoursAgo(1), calls: 2, failures: 0, p50Ms: 50, p95Ms: 59, maxMs: 60 },
      { hour: hoursAgo(0), calls: 1, failures: 0, p50Ms: 7, p95Ms: 7, maxMs: 7 },
    ])
    const both = await toolDetail(t.db, 'browse', window)
    expect(both?.toolIds).toHaveLength(2)
    // Two hours ago on both gateways: 1 call at 300 and 3 at 100.
    expect(both?.series[1]).toEqual({
      hour: hoursAgo(2),
      calls: 4,
      failures: 1,
      p50Ms: 150,
      p95Ms: 150,
      maxMs: 300,
    })
  })

  it('lists the latest failures in the window, newest first, with their gateway', async () => {
    const gw = await gateway()
    const failures = Array.from({ length: TOOL_DETAIL_FAILURES + 5 }, (_, i) => ({
      endedAt: minutesAgo(10 + i),
      durationMs: i,
      ok: false,
      error: `boom ${i}`,
      sessionKey: 's1',
    }))
    await insertToolCalls(t.db, gw.id, 'write', [
      ...failures,
      call(minutesAgo(1), 5),
      call(minutesAgo(2000), 9, false),
    ])
    const detail = await toolDetail(t.db, 'write', { gatewayId: gw.id, ...lastDay() })
    expect(detail?.failures).toHaveLength(TOOL_DETAIL_FAILURES)
    expect(detail?.failures[0]).toEqual({
      gatewayId: gw.id,
      gatewayName: gw.name,
      sessionKey: 's1',
      agent: 'main',
      endedAt: minutesAgo(10),
      durationMs: 0,
      error: 'boom 0',
      exitCode: null,
    })
    expect(detail?.failures.map((failure) => failure.error).at(-1)).toBe(`boom ${TOOL_DETAIL_FAILURES - 1}`)
  })

  it('gives the baseline and whether the tool is degrading', async () => {
    const gw = await gateway()
    await insertToolCalls(
      t.db,
      gw.id,
      'grep',
      Array.from({ length: 20 }, () => call(minutesAgo(3 * 24 * 60), 100)),
    )
    const steady = await toolDetail(t.db, 'grep', { gatewayId: gw.id, ...lastDay() })
    expect(steady).toMatchObject({ baselineP95Ms: 100, degrading: false })
    await insertToolCalls(
      t.db,
      gw.id,
      'grep',
      Array.from({ length: 3 }, () => call(minutesAgo(5), 250)),
    )
    expect(await toolDetail(t.db, 'grep', { gatewayId: gw.id, ...lastDay() })).toMatchObject({
      baselineP95Ms: 100,
      degrading: true,
    })
  })
})
