import { sql } from 'drizzle-orm'
import type { Database } from '../client.ts'
import { gatewayProbeHourly } from '../schema/gateway-probe-hourly.ts'
import { gatewayProbes } from '../schema/gateway-probes.ts'

/**
 * Rolls raw probes of the last `hoursBack` complete hours up into hourly rows (count, failures,
 * latency min/avg/p95). Recomputes those hours from scratch, so running it again, or on two
 * workers, gives the same rows.
 */
export async function rollUpProbeHours(db: Database, hoursBack: number): Promise<number> {
  const rows = await db.execute(sql`
    insert into ${gatewayProbeHourly} (gateway_id, hour, probes, failures, latency_min, latency_avg, latency_p95)
    select gateway_id, date_trunc('hour', probed_at) as hour, count(*),
           count(*) filter (where status <> 'online'),
           min(latency), avg(latency),
           percentile_disc(0.95) within group (order by latency)
    from ${gatewayProbes}
    where probed_at >= date_trunc('hour', now()) - make_interval(hours => ${hoursBack})
      and probed_at < date_trunc('hour', now())
    group by 1, 2
    on conflict (gateway_id, hour) do update set
      probes = excluded.probes, failures = excluded.failures, latency_min = excluded.latency_min,
      latency_avg = excluded.latency_avg, latency_p95 = excluded.latency_p95
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
