import { CLI_AGENTS_USAGE_KEY, type UsageGroup, type UsageGroupRow, type UsageResponse } from '@mc/shared'
import { type SQL, sql } from 'drizzle-orm'
import type { Database } from '../client.ts'
import { priceOfTokens } from './model-prices.ts'

/** Whole UTC days, `YYYY-MM-DD`, both included. */
export interface UsageReportOptions {
  groupBy: UsageGroup
  sinceDay: string
  untilDay: string
}

/** What stands for an agent or a model a gateway did not name. */
export const UNKNOWN_USAGE_NAME = '(unknown)'

/**
 * Per grouping, over the facts (`f`: a gateway's session-day, or a CLI agent's model-day with
 * `gateway_id` null): the group's key and the fields that describe it.
 */
const GROUPINGS: Record<UsageGroup, { key: SQL; gatewayId: SQL; agent: SQL; model: SQL }> = {
  gateway: {
    key: sql`coalesce(f.gateway_name, ${CLI_AGENTS_USAGE_KEY})`,
    gatewayId: sql`f.gateway_id`,
    agent: sql`null::text`,
    model: sql`null::text`,
  },
  agent: {
    key: sql`case when f.gateway_id is null then f.agent
      else f.gateway_name || '/' || coalesce(f.agent, ${UNKNOWN_USAGE_NAME}) end`,
    gatewayId: sql`f.gateway_id`,
    agent: sql`coalesce(f.agent, ${UNKNOWN_USAGE_NAME})`,
    model: sql`null::text`,
  },
  model: {
    key: sql`coalesce(f.model, ${UNKNOWN_USAGE_NAME})`,
    gatewayId: sql`null::int`,
    agent: sql`null::text`,
    model: sql`f.model`,
  },
}

interface ReportRow extends Record<string, unknown> {
  key: string
  /** Null on a group's total row. */
  date: string | null
  gateway_id: number | null
  agent: string | null
  model: string | null
  input_tokens: number
  output_tokens: number
  cost_usd: number
}

const numbersOf = (row: ReportRow) => ({
  input_tokens: row.input_tokens,
  output_tokens: row.output_tokens,
  cost_usd: row.cost_usd,
})

/** A group with the describing fields it has. */
function groupOf(row: ReportRow): UsageGroupRow {
  const group: UsageGroupRow = { key: row.key, ...numbersOf(row) }
  if (row.gateway_id !== null) group.gateway_id = row.gateway_id
  if (row.agent !== null) group.agent = row.agent
  if (row.model !== null) group.model = row.model
  return group
}

/**
 * Tokens and cost of gateway sessions (`gateway_usage`, cost as the gateway reported it) and of CLI
 * agents (`token_usage` from heartbeats, priced by the model price table: 0 for a model it does not
 * price), per group over the days, costliest first, and per group and UTC day that had usage. A CLI
 * agent's usage is read per agent over its `(agent_id, recorded_at)` index.
 */
export async function usageReport(db: Database, options: UsageReportOptions): Promise<UsageResponse> {
  const grouping = GROUPINGS[options.groupBy]
  const from = sql`(${options.sinceDay}::date)::timestamp at time zone 'UTC'`
  const to = sql`(${options.untilDay}::date + 1)::timestamp at time zone 'UTC'`
  const rows = await db.execute<ReportRow>(sql`
    with cli as (
      select a.name as agent, t.model, t.day, t.input_tokens, t.output_tokens
      from agents a cross join lateral (
        select u.model, to_char(u.recorded_at at time zone 'UTC', 'YYYY-MM-DD') as day,
          sum(u.input_tokens)::float8 as input_tokens, sum(u.output_tokens)::float8 as output_tokens
        from token_usage u
        where u.agent_id = a.id and u.recorded_at >= ${from} and u.recorded_at < ${to}
        group by 1, 2
      ) t
    ), f as (
      select g.id as gateway_id, g.name as gateway_name, u.agent, u.model, u.day::text as day,
        u.input_tokens::float8 as input_tokens, u.output_tokens::float8 as output_tokens, u.cost_usd
      from gateway_usage u join gateways g on g.id = u.gateway_id
      where u.day between ${options.sinceDay}::date and ${options.untilDay}::date
      union all
      select null, null, c.agent, c.model, c.day, c.input_tokens, c.output_tokens,
        ${priceOfTokens(sql`c.input_tokens`, sql`c.output_tokens`, sql`c.model`)}
      from cli c
    ), keyed as (
      select ${grouping.key} as key, ${grouping.gatewayId} as gateway_id, ${grouping.agent} as agent,
        ${grouping.model} as model, f.day, f.input_tokens, f.output_tokens, f.cost_usd
      from f
    )
    select * from (
      select key, day as date, gateway_id, agent, model, sum(input_tokens)::float8 as input_tokens,
        sum(output_tokens)::float8 as output_tokens, round(sum(cost_usd)::numeric, 6)::float8 as cost_usd
      from keyed
      group by grouping sets ((key, gateway_id, agent, model), (key, gateway_id, agent, model, day))
    ) totals
    order by date is not null, date, cost_usd desc, input_tokens + output_tokens desc, key`)
  const report: UsageResponse = { groups: [], series: [] }
  for (const row of rows) {
    if (row.date === null) report.groups.push(groupOf(row))
    else report.series.push({ date: row.date, key: row.key, ...numbersOf(row) })
  }
  return report
}
