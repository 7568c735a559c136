import { TOOL_DEGRADING_RATIO } from '@mc/shared'
import { type SQL, sql } from 'drizzle-orm'
import type { Database } from '../client.ts'

/**
 * Calls a tool needs in the last hour before its p95 there means anything: with one or two calls
 * the "p95" is a single slow call, and one cold start would flag every rarely used tool.
 */
export const MIN_RECENT_TOOL_CALLS = 3

export interface DegradationFilter {
  toolIds?: number[]
  gatewayIds?: number[]
}

export interface DegradingTool {
  toolId: number
  gatewayId: number
  name: string
  recentCalls: number
  recentP95Ms: number
  baselineP95Ms: number
}

/** The calls a degradation baseline reads: the last 7 days but the last hour. */
const inBaseline = (alias: string) =>
  sql.raw(`${alias}.ended_at >= now() - interval '7 days' and ${alias}.ended_at < now() - interval '1 hour'`)

/** The `fraction` percentile of the durations of the calls aliased `alias`, in whole ms. */
export const durationPercentile = (alias: string, fraction: number) =>
  sql.raw(`round(percentile_cont(${fraction}) within group (order by ${alias}.duration_ms))::int`)

const p95Of = (alias: string) => durationPercentile(alias, 0.95)

function filterConditions(filter: DegradationFilter): SQL[] {
  const conditions: SQL[] = []
  if (filter.toolIds) conditions.push(sql`c.tool_id = any(${sql.param(filter.toolIds)}::int[])`)
  if (filter.gatewayIds) conditions.push(sql`c.gateway_id = any(${sql.param(filter.gatewayIds)}::int[])`)
  return conditions
}

/**
 * Tools (among those `filter` names; every tool without one) whose p95 over the last hour is at
 * least TOOL_DEGRADING_RATIO times their p95 over the rest of the last 7 days, from the raw calls. The
 * baseline leaves the last hour out, so a slow hour cannot raise its own bar, and must hold more
 * calls than the last hour: a tool first seen today has no baseline to be slower than.
 */
export async function degradingTools(db: Database, filter: DegradationFilter): Promise<DegradingTool[]> {
  if (filter.toolIds?.length === 0 || filter.gatewayIds?.length === 0) return []
  return db.execute<DegradingTool & Record<string, unknown>>(sql`
    with recent as (
      select c.tool_id, count(*)::int as calls,
        ${p95Of('c')} as p95
      from gateway_tool_calls c
      where ${sql.join([sql`c.ended_at >= now() - interval '1 hour'`, ...filterConditions(filter)], sql` and `)}
      group by c.tool_id
      having count(*) >= ${MIN_RECENT_TOOL_CALLS}
    )
    select t.id as "toolId", t.gateway_id as "gatewayId", t.name, r.calls as "recentCalls",
      r.p95 as "recentP95Ms", b.p95 as "baselineP95Ms"
    from recent r
    join gateway_tools t on t.id = r.tool_id
    cross join lateral (
      select count(*)::int as calls,
        ${p95Of('b')} as p95
      from gateway_tool_calls b
      where b.tool_id = r.tool_id and ${inBaseline('b')}
    ) b
    where b.calls > r.calls and r.p95 >= ${TOOL_DEGRADING_RATIO} * b.p95
    order by t.gateway_id, t.name`)
}

/** The baseline p95 of `toolIds` together (one tool, or one name on several gateways); null without calls. */
export async function baselineP95Ms(db: Database, toolIds: number[]): Promise<number | null> {
  const [row] = await db.execute<{ p95: number | null }>(sql`
    select ${p95Of('b')} as p95 from gateway_tool_calls b
    where b.tool_id = any(${sql.param(toolIds)}::int[]) and ${inBaseline('b')}`)
  return row?.p95 ?? null
}
