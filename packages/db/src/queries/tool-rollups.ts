import { sql } from 'drizzle-orm'
import type { Database } from '../client.ts'

/**
 * Recomputes the hourly rollup (calls, failures, p50/p95/max duration) of every tool × hour that
 * gained calls recorded since `since`, from the raw calls, so running it again (or on two workers)
 * gives the same rows. Hours that began more than `rawDays` ago are left alone: their raw calls
 * may be partly pruned, and a late call must not shrink a complete rollup. Returns how many rows it
 * wrote and `until`: pass it as the next `since` (it is a little earlier than this statement, so a
 * call committed while it ran is not missed).
 */
export async function rollUpToolHours(
  db: Database,
  since: Date,
  rawDays: number,
): Promise<{ rows: number; until: Date }> {
  const [result] = await db.execute<{ rows: number; until: string }>(sql`
    with touched as (
      select distinct tool_id, date_trunc('hour', ended_at) as hour
      from gateway_tool_calls
      where recorded_at >= ${since.toISOString()}::timestamptz
        and ended_at >= date_trunc('hour', now() - make_interval(days => ${rawDays})) + interval '1 hour'
    ), hours as (
      select t.tool_id, t.hour, count(*)::int as calls, (count(*) filter (where not c.ok))::int as failures,
        round(percentile_cont(0.5) within group (order by c.duration_ms))::int as p50,
        round(percentile_cont(0.95) within group (order by c.duration_ms))::int as p95,
        max(c.duration_ms) as max
      from touched t
      join gateway_tool_calls c on c.tool_id = t.tool_id and c.ended_at >= t.hour
        and c.ended_at < t.hour + interval '1 hour'
      group by t.tool_id, t.hour
    ), written as (
      insert into gateway_tool_hourly (tool_id, hour, calls, failures, p50_ms, p95_ms, max_ms)
      select tool_id, hour, calls, failures, p50, p95, max from hours
      on conflict (tool_id, hour) do update set calls = excluded.calls, failures = excluded.failures,
        p50_ms = excluded.p50_ms, p95_ms = excluded.p95_ms, max_ms = excluded.max_ms
      returning 1
    )
    select (select count(*) from written)::int as rows, now() - interval '1 minute' as until`)
  return { rows: Number(result?.rows ?? 0), until: new Date(result?.until ?? since) }
}
