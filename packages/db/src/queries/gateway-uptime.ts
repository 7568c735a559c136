import { type SQL, sql } from 'drizzle-orm'
import type { Database } from '../client.ts'
import { gateways } from '../schema/gateways.ts'
import { findWindowSnapshot, probeCountsSinceSnapshot } from './probe-totals.ts'
import {
  onlineLatencies,
  type ProbeWindow,
  probeCounts,
  probeWindow,
  readRolledUpUntil,
} from './probe-windows.ts'

export interface GatewayUptime {
  /** Share of online probes in the window, 0–100; null without probes. */
  uptime24h: number | null
  uptime7d: number | null
  uptime30d: number | null
  /** Percentiles (interpolated, as `percentile_cont`) of the last 24 h's online probes' latency. */
  latencyP50: number | null
  latencyP95: number | null
  latencyP99: number | null
  probes24h: number
}

const DAY = sql.raw(`interval '24 hours'`)
const WEEK = sql.raw(`interval '7 days'`)
const MONTH = sql.raw(`interval '30 days'`)

/** The probes of `window` summed: one row of (probes, online), null sums without probes. */
const totals = (window: ProbeWindow, gatewayId: number) =>
  sql`select sum(probes)::bigint as probes, sum(online)::bigint as online from (${probeCounts(window, gatewayId)}) c`

/** Share of online probes, 0–100; null without probes. */
const share = (online: SQL, probes: SQL) => sql`100.0 * ${online} / nullif(${probes}, 0)`
/** `share` of a window's `totals`. */
const onlineShare = (totalsName: string) =>
  share(sql.raw(`${totalsName}.online`), sql.raw(`${totalsName}.probes`))

const toNumber = (value: unknown) => (value === null || value === undefined ? null : Number(value))
/** Two decimals, as the API shows percentages and latencies. */
const round2 = (value: number | null) => (value === null ? null : Math.round(value * 100) / 100)

/**
 * Uptime over 24 h / 7 d / 30 d and the last day's latency percentiles, from the hourly rollups and
 * the probes not rolled up yet (see `probeWindow`): the same figures as over the raw probes.
 */
export async function gatewayUptime(db: Database, gatewayId: number): Promise<GatewayUptime> {
  const rolledUpUntil = await readRolledUpUntil(db)
  const [day, week, month] = [DAY, WEEK, MONTH].map((span) => probeWindow(span, rolledUpUntil)) as [
    ProbeWindow,
    ProbeWindow,
    ProbeWindow,
  ]
  const [row] = await db.execute<Record<string, number | string | null>>(sql`
    with day as (${totals(day, gatewayId)}),
    week as (${totals(week, gatewayId)}),
    month as (${totals(month, gatewayId)}),
    latency as (
      select percentile_cont(array[0.5, 0.95, 0.99]) within group (order by s.latency) as p
      from (${onlineLatencies(day, gatewayId)}) s cross join generate_series(1, s.n)
    )
    select ${onlineShare('day')} as uptime_24h, ${onlineShare('week')} as uptime_7d,
      ${onlineShare('month')} as uptime_30d, day.probes as probes_24h,
      latency.p[1] as p50, latency.p[2] as p95, latency.p[3] as p99
    from day, week, month, latency`)
  return {
    uptime24h: round2(toNumber(row?.uptime_24h)),
    uptime7d: round2(toNumber(row?.uptime_7d)),
    uptime30d: round2(toNumber(row?.uptime_30d)),
    latencyP50: round2(toNumber(row?.p50)),
    latencyP95: round2(toNumber(row?.p95)),
    latencyP99: round2(toNumber(row?.p99)),
    probes24h: toNumber(row?.probes_24h) ?? 0,
  }
}

export interface GatewayUptime24h {
  gatewayId: number
  name: string
  /** As `gatewayUptime(…).uptime24h`: share of online probes in the last 24 h; null without probes. */
  uptime24h: number | null
}

/**
 * The 24 h uptime of every gateway, lowest first, gateways without probes last, then by name. From
 * the running probe totals less a snapshot of them taken 24 h to 24 h 5 min ago (the window starts
 * up to 5 minutes early, so the figures can differ from a gateway page's by a few minutes' probes):
 * two rows per gateway, whatever the fleet's probe rate. Without such a snapshot (a fresh install,
 * the first day after upgrading) it is the exact window over the rollups and raw probes.
 */
export async function uptime24hByGateway(db: Database): Promise<GatewayUptime24h[]> {
  const snapshot = await findWindowSnapshot(db, DAY)
  if (snapshot === null) return uptime24hFromProbes(db)
  // In double precision, which rounds to the same two decimals: sorting 10,000 numerics took a
  // third of the query.
  return rankedUptimes(
    db,
    sql`select gateway_id, ${share(sql`online::float8`, sql`probes`)} as uptime
      from (${probeCountsSinceSnapshot(snapshot)}) c`,
  )
}

/**
 * `uptime24hByGateway` over the exact window (`probeWindow`): the hourly rollups and the probes not
 * rolled up yet, i.e. the raw probes of an hour or two of every gateway.
 */
export async function uptime24hFromProbes(db: Database): Promise<GatewayUptime24h[]> {
  const day = probeWindow(DAY, await readRolledUpUntil(db))
  return rankedUptimes(
    db,
    sql`select gateway_id, ${share(sql`sum(online)::bigint`, sql`sum(probes)::bigint`)} as uptime
      from (${probeCounts(day)}) c group by gateway_id`,
  )
}

/** Every gateway with its uptime from `uptimes` (rows of gateway_id, uptime), ranked. */
async function rankedUptimes(db: Database, uptimes: SQL): Promise<GatewayUptime24h[]> {
  const rows = await db.execute<{ id: number; name: string; uptime: string | number | null }>(sql`
    select g.id, g.name, u.uptime
    from ${gateways} g
    left join (${uptimes}) u on u.gateway_id = g.id
    order by u.uptime asc nulls last, lower(g.name), g.id`)
  return rows.map((row) => ({
    gatewayId: Number(row.id),
    name: String(row.name),
    uptime24h: round2(toNumber(row.uptime)),
  }))
}
