import { eq, sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { makeGateway, onlineReading } from '../../test/fixtures.ts'
import { useMigratedDatabase } from '../../test/migrated-database.ts'
import { gatewayProbeHourly } from '../schema/gateway-probe-hourly.ts'
import { gatewayProbes } from '../schema/gateway-probes.ts'
import { gateways } from '../schema/gateways.ts'
import { recordProbe } from './gateway-probes.ts'
import { gatewayUptime, uptime24hByGateway } from './gateway-uptime.ts'
import { rollUpProbeHours } from './probe-rollups.ts'

const t = useMigratedDatabase()
let seq = 0
const gateway = () => makeGateway(t.db, `gw-${++seq}`)

const HOUR_S = 3600
const DAY_S = 24 * HOUR_S
type ProbeStatus = 'online' | 'offline' | 'timeout' | 'error'

/** A probe `ageS` seconds before now (fractions allowed), or at an SQL time. */
const insertProbe = (
  gatewayId: number,
  status: ProbeStatus,
  latency: number | null,
  at: number | ReturnType<typeof sql>,
) =>
  t.db.insert(gatewayProbes).values({
    gatewayId,
    status,
    latency,
    probedAt: typeof at === 'number' ? sql`now() - make_interval(secs => ${at})` : at,
  })

/** The figures as the raw probes give them: what the API computed before rollups were read. */
async function rawGatewayUptime(gatewayId: number) {
  const share = (window: string) =>
    sql.raw(`100.0 * count(*) filter (where status = 'online' and probed_at > now() - interval '${window}')
    / nullif(count(*) filter (where probed_at > now() - interval '${window}'), 0)`)
  const dayOnline = sql.raw(`filter (where status = 'online' and probed_at > now() - interval '24 hours')`)
  const [row] = await t.db.execute<Record<string, number | string | null>>(sql`
    select ${share('24 hours')} as uptime24h, ${share('7 days')} as uptime7d, ${share('30 days')} as uptime30d,
      percentile_cont(0.5) within group (order by latency) ${dayOnline} as p50,
      percentile_cont(0.95) within group (order by latency) ${dayOnline} as p95,
      percentile_cont(0.99) within group (order by latency) ${dayOnline} as p99,
      count(*) filter (where probed_at > now() - interval '24 hours') as probes24h
    from gateway_probes where gateway_id = ${gatewayId}`)
  const round2 = (v: unknown) => (v === null || v === undefined ? null : Math.round(Number(v) * 100) / 100)
  return {
    uptime24h: round2(row?.uptime24h),
    uptime7d: round2(row?.uptime7d),
    uptime30d: round2(row?.uptime30d),
    latencyP50: round2(row?.p50),
    latencyP95: round2(row?.p95),
    latencyP99: round2(row?.p99),
    probes24h: Number(row?.probes24h),
  }
}

async function rawUptime24hByGateway() {
  const rows = await t.db.execute<{ id: number; name: string; uptime: string | null }>(sql`
    select g.id, g.name, u.uptime from gateways g left join (
      select gateway_id, 100.0 * count(*) filter (where status = 'online') / count(*) as uptime
      from gateway_probes where probed_at > now() - interval '24 hours' group by gateway_id
    ) u on u.gateway_id = g.id
    order by u.uptime asc nulls last, lower(g.name), g.id`)
  return rows.map((row) => ({
    gatewayId: Number(row.id),
    name: String(row.name),
    uptime24h: row.uptime === null ? null : Math.round(Number(row.uptime) * 100) / 100,
  }))
}

/** Deterministic pseudo-random numbers in [0, 1), so a failure replays the same history. */
function random(seed: number) {
  let state = seed
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31
    return state / 2 ** 31
  }
}

/** Ages (s) near which a probe could cross a window's start while the test runs. */
const WINDOW_STARTS_S = [DAY_S, 7 * DAY_S, 30 * DAY_S]
const nearWindowStart = (ageS: number) => WINDOW_STARTS_S.some((start) => Math.abs(ageS - start) < 60)

/**
 * 31 days of probes of one gateway, mostly online with latencies spread over two orders of
 * magnitude, plus probes on the edges: just inside and just outside each window, on the current
 * hour's start and just before it, and on each window's first whole hour.
 */
async function seedHistory(gatewayId: number, seed: number, probes: number) {
  const next = random(seed)
  const statuses: ProbeStatus[] = ['offline', 'timeout', 'error']
  const rows = []
  for (let i = 0; i < probes; i++) {
    const ageS = next() * 31 * DAY_S
    if (nearWindowStart(ageS)) continue
    const online = next() < 0.8
    const status = online ? 'online' : (statuses[Math.floor(next() * 3)] as ProbeStatus)
    const latency = online && next() < 0.97 ? Math.floor(5 + next() ** 3 * 900) : null
    rows.push({ gatewayId, status, latency, probedAt: sql`now() - make_interval(secs => ${ageS})` })
  }
  for (let i = 0; i < rows.length; i += 500) await t.db.insert(gatewayProbes).values(rows.slice(i, i + 500))
  for (const start of WINDOW_STARTS_S) {
    await insertProbe(gatewayId, 'online', 7, start - 60)
    await insertProbe(gatewayId, 'timeout', null, start + 60)
    const firstWholeHour = sql`date_trunc('hour', now() - make_interval(secs => ${start})) + interval '1 hour'`
    await insertProbe(gatewayId, 'error', null, firstWholeHour)
    await insertProbe(gatewayId, 'online', 11, sql`${firstWholeHour} - interval '1 microsecond'`)
  }
  await insertProbe(gatewayId, 'online', 13, sql`date_trunc('hour', now())`)
  await insertProbe(gatewayId, 'offline', null, sql`date_trunc('hour', now()) - interval '1 microsecond'`)
}

async function expectSameAsRawProbes(gatewayIds: number[]) {
  for (const id of gatewayIds) expect(await gatewayUptime(t.db, id)).toEqual(await rawGatewayUptime(id))
  expect(await uptime24hByGateway(t.db)).toEqual(await rawUptime24hByGateway())
}

describe('uptime from rollups and recent probes', () => {
  it('reads rolled-up hours from their rollup rows, and the probes since from the raw table', async () => {
    const gw = await gateway()
    await t.db.insert(gatewayProbeHourly).values({
      gatewayId: gw.id,
      hour: sql`date_trunc('hour', now()) - interval '5 hours'`,
      probes: 4,
      failures: 1,
      latencyValues: [10, 30],
      latencyCounts: [1, 2],
    })
    expect(await gatewayUptime(t.db, gw.id)).toMatchObject({ uptime24h: 75, probes24h: 4, latencyP50: 30 })
    await recordProbe(t.db, gw.id, onlineReading({ latencyMs: 20 }), 1)
    expect(await gatewayUptime(t.db, gw.id)).toMatchObject({
      uptime24h: 80,
      uptime30d: 80,
      probes24h: 5,
      latencyP50: 25,
    })
    const overview = await uptime24hByGateway(t.db)
    expect(overview.find((row) => row.gatewayId === gw.id)?.uptime24h).toBe(80)
    // Its made-up rollup has no raw probes behind it: the other tests compare with those.
    await t.db.delete(gateways).where(eq(gateways.id, gw.id))
  })

  it('computes uptime per window and latency percentiles', async () => {
    const gw = await gateway()
    for (let i = 0; i < 3; i++) await insertProbe(gw.id, 'online', 10 * (i + 1), HOUR_S)
    await insertProbe(gw.id, 'offline', null, 2 * HOUR_S)
    await insertProbe(gw.id, 'offline', null, 48 * HOUR_S)
    await insertProbe(gw.id, 'online', 5, 20 * DAY_S)
    const uptime = await gatewayUptime(t.db, gw.id)
    expect(uptime).toMatchObject({ uptime24h: 75, uptime7d: 60, probes24h: 4, latencyP50: 20 })
    expect(uptime.uptime30d).toBeCloseTo(66.67, 1)
    expect(uptime.latencyP95).toBeCloseTo(29, 0)
    const none = await gatewayUptime(t.db, (await gateway()).id)
    expect(none).toMatchObject({ uptime24h: null, uptime30d: null, latencyP50: null, probes24h: 0 })
  })

  it('gives the raw probes’ figures before, after and between rollups, on every window’s edges', async () => {
    const seeded = [await gateway(), await gateway(), await gateway()]
    for (const [i, gw] of seeded.entries()) await seedHistory(gw.id, i + 1, 1500)
    const ids = [...seeded.map((gw) => gw.id), (await gateway()).id]

    // Nothing rolled up for these hours yet.
    await expectSameAsRawProbes(ids)

    await rollUpProbeHours(t.db, 32 * 24)
    await expectSameAsRawProbes(ids)

    // The rollup job has not run for the last two complete hours (e.g. the worker was down).
    await t.db.execute(
      sql`delete from gateway_probe_hourly where hour >= date_trunc('hour', now()) - interval '2 hours'`,
    )
    await expectSameAsRawProbes(ids)

    // Its next run catches up with the hours it missed, however few it is asked to recompute.
    await rollUpProbeHours(t.db, 1)
    const [caughtUp] = await t.db.execute<{ rolledUp: number; probed: number }>(sql`
      select
        (select count(*)::int from gateway_probe_hourly where hour >= date_trunc('hour', now()) - interval '2 hours') as "rolledUp",
        (select count(distinct (gateway_id, date_trunc('hour', probed_at)))::int from gateway_probes
          where probed_at >= date_trunc('hour', now()) - interval '2 hours' and probed_at < date_trunc('hour', now())) as probed`)
    expect(caughtUp?.rolledUp).toBe(caughtUp?.probed)
    await expectSameAsRawProbes(ids)
  })
})
