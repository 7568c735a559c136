import { sql } from 'drizzle-orm'
import type { Database } from '../client.ts'
import { gatewayProbeHourly } from '../schema/gateway-probe-hourly.ts'
import { gatewayProbes } from '../schema/gateway-probes.ts'
import { rolledUpUntilSql } from './probe-windows.ts'

const HOUR_MS = 60 * 60 * 1000
/** Hours recomputed per statement, so that catching up after days stays within a statement timeout. */
const HOURS_PER_STATEMENT = 6

/**
 * Rolls raw probes up into hourly rows (count, failures, latency min/avg/p95 and the histogram of
 * online latencies) for every complete hour from the last `hoursBack`, or from the first hour not
 * rolled up yet if that is earlier (a worker that was down catches up; the first run rolls up all
 * the raw history), a few hours per statement, oldest first: the rolled-up hours never have a gap,
 * which the uptime queries rely on. Recomputes those hours from scratch, so running it again, or on
 * two workers, gives the same rows. Returns how many rows it wrote.
 */
export async function rollUpProbeHours(db: Database, hoursBack: number): Promise<number> {
  const [span] = await db.execute<{ from: string; until: string }>(sql`
    select least(
      date_trunc('hour', now()) - make_interval(hours => ${hoursBack}),
      coalesce(${rolledUpUntilSql}, (select date_trunc('hour', min(${gatewayProbes.probedAt})) from ${gatewayProbes}))
    ) as "from", date_trunc('hour', now()) as until`)
  if (!span) return 0
  const until = new Date(span.until).getTime()
  let rows = 0
  for (let from = new Date(span.from).getTime(); from < until; from += HOURS_PER_STATEMENT * HOUR_MS) {
    rows += await rollUpHours(
      db,
      new Date(from),
      new Date(Math.min(from + HOURS_PER_STATEMENT * HOUR_MS, until)),
    )
  }
  return rows
}

/** Recomputes the rollup rows of the hours in [from, until) from the raw probes. */
async function rollUpHours(db: Database, from: Date, until: Date): Promise<number> {
  const rows = await db.execute(sql`
    with probes as (
      select gateway_id, date_trunc('hour', probed_at) as hour, status, latency
      from ${gatewayProbes}
      where probed_at >= ${from.toISOString()}::timestamptz and probed_at < ${until.toISOString()}::timestamptz
    ), histograms as (
      select gateway_id, hour, array_agg(latency order by latency) as latency_values,
             array_agg(n order by latency) as latency_counts
      from (
        select gateway_id, hour, latency, count(*)::int as n
        from probes where status = 'online' and latency is not null
        group by 1, 2, 3
      ) per_latency
      group by 1, 2
    )
    insert into ${gatewayProbeHourly} (gateway_id, hour, probes, failures, latency_min, latency_avg, latency_p95,
      latency_values, latency_counts)
    select p.gateway_id, p.hour, p.probes, p.failures, p.latency_min, p.latency_avg, p.latency_p95,
           h.latency_values, h.latency_counts
    from (
      select gateway_id, hour, count(*) as probes, count(*) filter (where status <> 'online') as failures,
             min(latency) as latency_min, avg(latency) as latency_avg,
             percentile_disc(0.95) within group (order by latency) as latency_p95
      from probes
      group by 1, 2
    ) p
    left join histograms h using (gateway_id, hour)
    on conflict (gateway_id, hour) do update set
      probes = excluded.probes, failures = excluded.failures, latency_min = excluded.latency_min,
      latency_avg = excluded.latency_avg, latency_p95 = excluded.latency_p95,
      latency_values = excluded.latency_values, latency_counts = excluded.latency_counts
    returning 1`)
  return rows.length
}

/** Deletes raw probes older than `rawDays` and hourly rollups older than `rollupDays`. */
export async function pruneProbeHistory(db: Database, rawDays: number, rollupDays: number) {
  const raw = await db.execute(
    sql`delete from ${gatewayProbes} where probed_at < now() - make_interval(days => ${rawDays}) returning 1`,
  )
  const hourly = await db.execute(
    sql`delete from ${gatewayProbeHourly} where hour < now() - make_interval(days => ${rollupDays}) returning 1`,
  )
  return { raw: raw.length, hourly: hourly.length }
}
