import type { Database } from '@mc/db'
import { sql } from 'drizzle-orm'

const SNAPSHOT_EVERY_S = 300
const SNAPSHOTS = (25 * 3600) / SNAPSHOT_EVERY_S

/**
 * The probe total snapshots the worker's job would have left over the seeded raw probes: one every
 * 5 minutes over the last 25 h (what it keeps), each every gateway's totals (which the insert
 * trigger has counted) less its probes after the snapshot. Computed from 5-minute buckets of the
 * raw probes of those 25 h, so the new uptime reads the same history as the exact one. Written
 * snapshot by snapshot, as the job writes them: one snapshot's rows share a few dozen pages.
 */
export async function seedProbeTotalSnapshots(db: Database) {
  const [origin] = await db.execute<{ at: string }>(sql`select (now() - interval '25 hours')::text as at`)
  const from = sql`${origin?.at}::timestamptz`
  await db.execute(sql`
    insert into probe_total_snapshots (scheduled_at, taken_at)
    select at, at from generate_series(${from}, ${from} + ${SNAPSHOTS} * interval '5 minutes', interval '5 minutes') at`)
  // Snapshot k holds the probes up to and including its time; bucket k the probes after snapshot
  // k - 1 up to snapshot k; so snapshot k is the totals less the buckets after k.
  await db.execute(sql`
    with buckets as (
      select gateway_id, ceil(extract(epoch from probed_at - ${from}) / ${SNAPSHOT_EVERY_S})::int as k,
             count(*) as probes, count(*) filter (where status = 'online') as online
      from gateway_probes where probed_at > ${from}
      group by 1, 2
    ), after as (
      select k.k, t.gateway_id, t.probes, t.online,
             coalesce(sum(b.probes) over later, 0) as probes_after,
             coalesce(sum(b.online) over later, 0) as online_after
      from generate_series(0, ${SNAPSHOTS}) k(k)
      cross join gateway_probe_totals t
      left join buckets b on b.gateway_id = t.gateway_id and b.k = k.k
      window later as (partition by t.gateway_id order by k.k desc rows between unbounded preceding and 1 preceding)
    )
    insert into gateway_probe_total_snapshots (scheduled_at, gateway_id, probes, online)
    select ${from} + k * interval '5 minutes', gateway_id, probes - probes_after, online - online_after
    from after
    order by k, gateway_id`)
  await db.execute(
    sql`vacuum analyze probe_total_snapshots, gateway_probe_total_snapshots, gateway_probe_totals`,
  )
}
