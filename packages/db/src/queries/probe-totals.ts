import { type SQL, sql } from 'drizzle-orm'
import type { Database } from '../client.ts'
import { gatewayProbeTotals } from '../schema/gateway-probe-totals.ts'
import { gatewayProbeTotalSnapshots, probeTotalSnapshots } from '../schema/probe-total-snapshots.ts'

/**
 * How much older than the 24 h window's start its snapshot may be: the snapshot job runs every 5
 * minutes, so this allows for an iteration or two that did not run. Older, and the window would be
 * visibly longer than a day: the exact query answers instead.
 */
const SNAPSHOT_SLACK = sql.raw(`interval '15 minutes'`)
/** Snapshots are kept as long as one may start a 24 h window, and a little longer. */
const SNAPSHOT_RETENTION = sql.raw(`interval '25 hours'`)

/**
 * Snapshots every gateway's probe totals as they are now, for the snapshot job iteration due at
 * `scheduledAt`. The same iteration run again (a retry, or on a second worker at the same time)
 * writes nothing: the first to insert its row wins and the other finds it. Returns how many
 * gateways it wrote, null when that iteration's snapshot was already there.
 */
export async function snapshotProbeTotals(db: Database, scheduledAt: Date): Promise<number | null> {
  const [row] = await db.execute<{ taken: boolean; gateways: number }>(sql`
    with snapshot as (
      insert into ${probeTotalSnapshots} (scheduled_at) values (${scheduledAt.toISOString()}::timestamptz)
      on conflict do nothing
      returning scheduled_at
    ), written as (
      insert into ${gatewayProbeTotalSnapshots} (scheduled_at, gateway_id, probes, online)
      select snapshot.scheduled_at, t.gateway_id, t.probes, t.online
      from snapshot cross join ${gatewayProbeTotals} t
      returning 1
    )
    select exists (select 1 from snapshot) as taken, (select count(*)::int from written) as gateways`)
  return row?.taken ? Number(row.gateways) : null
}

/** Deletes the snapshots too old to start a 24 h window (their rows go with them). */
export async function pruneProbeTotalSnapshots(db: Database): Promise<number> {
  const rows = await db.execute(sql`
    delete from ${probeTotalSnapshots} where taken_at < now() - ${SNAPSHOT_RETENTION} returning 1`)
  return rows.length
}

/**
 * The snapshot a trailing window of `span` starts from: the latest taken at least `span` ago, so
 * the window starts up to one snapshot interval early. Its key as text (exact to the microsecond),
 * or null when there is none close enough to `span` ago (a fresh install, the first day after an
 * upgrade, the job not running then).
 */
export async function findWindowSnapshot(db: Database, span: SQL): Promise<string | null> {
  const [row] = await db.execute<{ key: string }>(sql`
    select scheduled_at::text as key from ${probeTotalSnapshots}
    where taken_at <= now() - ${span} and taken_at > now() - ${span} - ${SNAPSHOT_SLACK}
    order by taken_at desc limit 1`)
  return row?.key ?? null
}

/**
 * Each gateway's probes since the snapshot `key`, as rows of (gateway_id, probes, online): its
 * totals now less those at the snapshot, where a gateway missing from the snapshot (created, or
 * first probed, after it) starts from zero.
 */
export function probeCountsSinceSnapshot(key: string): SQL {
  return sql`
    select t.gateway_id, t.probes - coalesce(s.probes, 0) as probes, t.online - coalesce(s.online, 0) as online
    from ${gatewayProbeTotals} t
    left join ${gatewayProbeTotalSnapshots} s on s.scheduled_at = ${key}::timestamptz and s.gateway_id = t.gateway_id`
}
