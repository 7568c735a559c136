import { type SQL, sql } from 'drizzle-orm'
import type { Database } from '../client.ts'
import { timestampParam } from './timestamp-param.ts'
import { baselineP95Ms, degradingTools, durationPercentile } from './tool-degradation.ts'

export interface ToolWindow {
  gatewayId?: number
  since: Date
  until: Date
}

export interface ToolStats {
  calls: number
  failures: number
  /** Null when there is no call. */
  p50Ms: number | null
  p95Ms: number | null
  maxMs: number | null
}

export interface ToolSummaryRow extends ToolStats {
  toolId: number
  gatewayId: number
  gatewayName: string
  name: string
  degrading: boolean
}

export interface ToolHourRow extends ToolStats {
  hour: Date
}

export interface ToolFailureRow {
  gatewayId: number
  gatewayName: string
  sessionKey: string | null
  agent: string | null
  endedAt: Date
  durationMs: number
  error: string | null
  exitCode: number | null
}

export interface ToolDetail {
  toolIds: number[]
  series: ToolHourRow[]
  failures: ToolFailureRow[]
  baselineP95Ms: number | null
  degrading: boolean
}

/** How many of a tool's latest failures its detail shows. */
export const TOOL_DETAIL_FAILURES = 20

/** Stats of raw calls aliased `c`: exact. */
const rawStats = sql`count(*)::int as calls, (count(*) filter (where not c.ok))::int as failures,
  ${durationPercentile('c', 0.5)} as p50, ${durationPercentile('c', 0.95)} as p95, max(c.duration_ms) as max`

/**
 * Stats of hourly rows aliased `h`, summed: calls, failures and max are exact; a percentile of
 * several hours is their percentiles' mean weighted by calls, an approximation (the calls
 * themselves are gone).
 */
const rolledStats = sql.raw(`sum(h.calls)::int as calls, sum(h.failures)::int as failures,
  sum(h.p50_ms::bigint * h.calls) filter (where h.p50_ms is not null) as p50_weighted,
  sum(h.p95_ms::bigint * h.calls) filter (where h.p95_ms is not null) as p95_weighted,
  sum(h.calls) filter (where h.p50_ms is not null) as weighted_calls, max(h.max_ms) as max`)

/**
 * Where exact stats from raw calls begin. Pruning leaves the hour of the oldest kept call partly
 * deleted, so once the rollup holds older hours (something was pruned) the raw calls count from the
 * next whole hour and that hour comes from the rollup; before any pruning they count from the
 * oldest call, so a young install gets exact figures.
 */
const rawCallsFrom = sql`(
  select case
    when oldest.at is null then 'infinity'::timestamptz
    when exists (select 1 from gateway_tool_hourly where hour < date_trunc('hour', oldest.at))
      then date_trunc('hour', oldest.at) + interval '1 hour'
    else oldest.at end
  from (select min(ended_at) as at from gateway_tool_calls) oldest)`

const toolsOf = (window: ToolWindow): SQL =>
  window.gatewayId === undefined ? sql`true` : sql`t.gateway_id = ${window.gatewayId}`

/**
 * The `p` percentile of raw part `r` and rolled-up part `o` together: each part's weighted by its
 * calls, so exactly the raw one when there is no rolled-up part.
 */
const combined = (p: 'p50' | 'p95') =>
  sql.raw(`round((coalesce(r.${p}::numeric * r.calls, 0) + coalesce(o.${p}_weighted, 0))
    / nullif(coalesce(r.calls, 0) + coalesce(o.weighted_calls, 0), 0))::int`)

/**
 * One row per tool (on `window.gatewayId`, or every gateway) called since the window began: its
 * calls, failures and durations over the window, and whether it is degrading now. Exact where the
 * window holds raw calls; its older part counts whole hours of the rollup, with approximate
 * percentiles (see `rolledStats`).
 */
export async function listToolSummaries(db: Database, window: ToolWindow): Promise<ToolSummaryRow[]> {
  const since = timestampParam(window.since)
  const until = timestampParam(window.until)
  const rows = await db.execute<Omit<ToolSummaryRow, 'degrading'>>(sql`
    with bounds as (select ${rawCallsFrom} as raw_from),
    tools as (
      select t.id, t.gateway_id, t.name, g.name as gateway_name
      from gateway_tools t join gateways g on g.id = t.gateway_id
      where ${toolsOf(window)} and coalesce(t.last_call_at, t.first_seen_at) >= date_trunc('hour', ${since})
    ),
    raw as (
      select c.tool_id, ${rawStats}
      from gateway_tool_calls c, bounds
      where c.tool_id in (select id from tools)
        and c.ended_at >= greatest(${since}, bounds.raw_from) and c.ended_at < ${until}
      group by c.tool_id
    ),
    rolled as (
      select h.tool_id, ${rolledStats}
      from gateway_tool_hourly h, bounds
      where h.tool_id in (select id from tools)
        and h.hour >= date_trunc('hour', ${since}) and h.hour < ${until}
        -- Whole hours before the raw calls begin: the hour they begin in is theirs.
        and h.hour <= bounds.raw_from - interval '1 hour'
      group by h.tool_id
    )
    select t.id as "toolId", t.gateway_id as "gatewayId", t.gateway_name as "gatewayName", t.name,
      (coalesce(r.calls, 0) + coalesce(o.calls, 0))::int as calls,
      (coalesce(r.failures, 0) + coalesce(o.failures, 0))::int as failures,
      ${combined('p50')} as "p50Ms", ${combined('p95')} as "p95Ms", greatest(r.max, o.max) as "maxMs"
    from tools t left join raw r on r.tool_id = t.id left join rolled o on o.tool_id = t.id
    order by t.gateway_name, t.gateway_id, t.name`)
  const degrading = new Set(
    (await degradingTools(db, window.gatewayId === undefined ? {} : { gatewayIds: [window.gatewayId] })).map(
      (tool) => tool.toolId,
    ),
  )
  return rows.map((row) => ({ ...row, degrading: degrading.has(row.toolId) }))
}

/**
 * Where a tool's series stops reading the rollup: the hour after the latest one rolled up, and
 * never later than the current hour, which is always read from the raw calls so it is up to date.
 */
const rolledUntil = sql`(
  select least(coalesce(max(hour) + interval '1 hour', '-infinity'::timestamptz), date_trunc('hour', now()))
  from gateway_tool_hourly)`

async function hourlySeries(db: Database, toolIds: number[], window: ToolWindow): Promise<ToolHourRow[]> {
  const ids = sql`${sql.param(toolIds)}::int[]`
  const since = timestampParam(window.since)
  const until = timestampParam(window.until)
  const rows = await db.execute<Omit<ToolHourRow, 'hour'> & { hour: string | Date }>(sql`
    with bounds as (select ${rolledUntil} as raw_from),
    rolled as (
      select h.hour, ${rolledStats}
      from gateway_tool_hourly h, bounds
      where h.tool_id = any(${ids}) and h.hour >= date_trunc('hour', ${since}) and h.hour < least(bounds.raw_from, ${until})
      group by h.hour
    ),
    raw as (
      select date_trunc('hour', c.ended_at) as hour, ${rawStats}
      from gateway_tool_calls c, bounds
      where c.tool_id = any(${ids}) and c.ended_at >= greatest(bounds.raw_from, ${since}) and c.ended_at < ${until}
      group by 1
    )
    select hour, calls, failures, round(p50_weighted / nullif(weighted_calls, 0))::int as "p50Ms",
      round(p95_weighted / nullif(weighted_calls, 0))::int as "p95Ms", max as "maxMs"
    from rolled
    union all
    select hour, calls, failures, p50, p95, max from raw
    order by hour`)
  return rows.map((row) => ({ ...row, hour: new Date(row.hour) }))
}

async function latestFailures(
  db: Database,
  toolIds: number[],
  window: ToolWindow,
): Promise<ToolFailureRow[]> {
  const rows = await db.execute<Omit<ToolFailureRow, 'endedAt'> & { endedAt: string | Date }>(sql`
    select c.gateway_id as "gatewayId", g.name as "gatewayName", c.session_key as "sessionKey", c.agent,
      c.ended_at as "endedAt", c.duration_ms as "durationMs", c.error, c.exit_code as "exitCode"
    from gateway_tool_calls c join gateways g on g.id = c.gateway_id
    where c.tool_id = any(${sql.param(toolIds)}::int[]) and not c.ok
      and c.ended_at >= ${timestampParam(window.since)} and c.ended_at < ${timestampParam(window.until)}
    order by c.ended_at desc, c.id desc
    limit ${TOOL_DETAIL_FAILURES}`)
  return rows.map((row) => ({ ...row, endedAt: new Date(row.endedAt) }))
}

/**
 * Tool `name` on `window.gatewayId`, or summed over every gateway that has it: its hourly series
 * over the window, its latest failures there, and its baseline and whether it is degrading now
 * (on any of those gateways). Undefined when no such tool was ever seen.
 */
export async function toolDetail(
  db: Database,
  name: string,
  window: ToolWindow,
): Promise<ToolDetail | undefined> {
  const tools = await db.execute<{ id: number }>(sql`
    select t.id from gateway_tools t where t.name = ${name} and ${toolsOf(window)}`)
  const toolIds = tools.map((tool) => Number(tool.id))
  if (toolIds.length === 0) return undefined
  const [series, failures, baseline, degrading] = await Promise.all([
    hourlySeries(db, toolIds, window),
    latestFailures(db, toolIds, window),
    baselineP95Ms(db, toolIds),
    degradingTools(db, { toolIds }),
  ])
  return { toolIds, series, failures, baselineP95Ms: baseline, degrading: degrading.length > 0 }
}
