import type { Database } from '@mc/db'
import { sql } from 'drizzle-orm'
import { seedProbeTotalSnapshots } from './probe-snapshots-seed.ts'

export interface ProbeHistoryShape {
  gateways: number
  days: number
  /** Seconds between two probes of a gateway (the worker's PROBE_INTERVAL_S). */
  intervalS: number
}

const HOUR_S = 3600

/**
 * `days` of probe history for `gateways` new gateways, written directly as a long-running install
 * has it: every raw probe the retention job keeps (PROBE_RETENTION_DAYS defaults to 30, so all of
 * them, up to now), an hourly rollup for every complete hour, the status flips of the outages, and
 * the running probe totals (counted by the insert trigger) with their snapshots of the last 25 h.
 * Each gateway is down for ten minutes every ~16 hours; online latencies spread over 5–44 ms with
 * a tail to ~500 ms. The raw table is loaded unlogged with its secondary indexes built afterwards
 * (the same definitions), then vacuumed and analysed as autovacuum keeps a live table: only loading
 * speed differs from a table that grew probe by probe.
 */
export async function seedProbeHistory(db: Database, shape: ProbeHistoryShape, log: (line: string) => void) {
  const steps = (shape.days * 24 * HOUR_S) / shape.intervalS
  const stepsPerHour = HOUR_S / shape.intervalS
  const interval = sql.raw(`interval '${shape.intervalS} seconds'`)
  await db.execute(sql`
    insert into gateways (name, host, port, status, latency, last_seen, last_probe_at, sessions_count, agents_count)
    select 'gw-' || g, '127.0.0.1', 1, 'online', 5 + g % 200, now(), now(), g % 5, g % 3
    from generate_series(1, ${shape.gateways}::int) g`)

  const indexes = await db.execute<{ name: string; definition: string }>(sql`
    select indexname as name, indexdef as definition from pg_indexes
    where tablename = 'gateway_probes' and indexname <> 'gateway_probes_pkey'`)
  for (const index of indexes) await db.execute(sql.raw(`drop index ${index.name}`))
  await db.execute(sql`alter table gateway_probes set unlogged`)
  // Step s of gateway g: oldest first, the newest at the start of the current minute.
  const probeRows = (fromStep: number, toStep: number) => sql`
    insert into gateway_probes (id, gateway_id, status, latency, probed_at)
    select s * ${shape.gateways} + g.id, g.id, p.status, p.latency,
           date_trunc('minute', now()) - (${steps - 1} - s) * ${interval}
    from generate_series(${fromStep}::int, ${toStep}::int) s
    cross join (select id from gateways) g
    cross join lateral (select (s / 20 + g.id) % 97 = 0 as down) o
    cross join lateral (select
      case when o.down then 'timeout'::gateway_status else 'online' end as status,
      case when o.down then null
        else 5 + (s * 7 + g.id * 13) % 40 + case when (s + g.id) % 50 = 0 then 200 + s % 300 else 0 end
      end as latency) p`
  const stepsPerDay = steps / shape.days
  for (let day = 0; day < shape.days; day++) {
    await db.execute(probeRows(day * stepsPerDay, (day + 1) * stepsPerDay - 1))
    log(`raw probes: day ${day + 1} of ${shape.days}`)
  }
  await db.execute(
    sql`select setval(pg_get_serial_sequence('gateway_probes', 'id'), (select max(id) from gateway_probes))`,
  )
  for (const index of indexes) await db.execute(sql.raw(index.definition))
  log('raw probes indexed')

  // Every complete hour of the raw history but the oldest, partial one.
  const completeHours = sql`generate_series(
      date_trunc('hour', now() - make_interval(days => ${shape.days})) + interval '1 hour',
      date_trunc('hour', now()) - interval '1 hour',
      interval '1 hour'
    ) h(hour)`
  // One rollup per complete hour of the raw history, each with a 40-value latency histogram.
  await db.execute(sql`
    insert into gateway_probe_hourly (gateway_id, hour, probes, failures, latency_min, latency_avg, latency_p95,
      latency_values, latency_counts)
    select g.id, h.hour, ${stepsPerHour}, f.failures, 5, 24.5, 43,
           array(select 5 + v from generate_series(0, 39) v),
           array(select (${stepsPerHour} - f.failures) / 40 + ((${stepsPerHour} - f.failures) % 40 > v)::int
                 from generate_series(0, 39) v)
    from ${completeHours}
    cross join (select id from gateways) g
    cross join lateral (select case when (extract(epoch from h.hour)::bigint / 3600 + g.id) % 16 = 0 then 20 else 0 end as failures) f`)
  await db.execute(sql`
    insert into gateway_status_changes (gateway_id, old_status, new_status, latency, error, changed_at)
    select g.id, f.old_status, f.new_status, null, null, h.hour + f.offset_min * interval '1 minute'
    from ${completeHours}
    cross join (select id from gateways) g
    cross join (values ('online'::gateway_status, 'timeout'::gateway_status, 10), ('timeout', 'online', 20))
      f(old_status, new_status, offset_min)
    where (extract(epoch from h.hour)::bigint / 3600 + g.id) % 16 = 0`)
  await db.execute(sql`vacuum analyze gateway_probes`)
  await db.execute(sql`vacuum analyze gateway_probe_hourly`)
  await db.execute(sql`vacuum analyze gateway_status_changes`)
  log('rollups and status flips written; tables vacuumed')
  await seedProbeTotalSnapshots(db)
  log('probe total snapshots written')
}
