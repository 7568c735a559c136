import { type SQL, sql } from 'drizzle-orm'
import type { Database } from '../client.ts'

export interface InsightRetention {
  /** Raw tool calls (TOOL_CALL_RETENTION_DAYS). */
  toolCallDays: number
  /** Hourly tool rollups and daily usage: a year. */
  rollupDays: number
  /** Timeline events and auth failure counts (GATEWAY_EVENT_RETENTION_DAYS). */
  eventDays: number
  /** Timeline rows kept per gateway at most, the newest (GATEWAY_EVENT_MAX_ROWS). */
  eventMaxRows: number
}

/** Rows deleted per statement, so that a big backlog stays within the statement timeout. */
const DELETE_BATCH = 50_000

/**
 * Deletes what the gateways' insights keep no longer: raw tool calls after `toolCallDays`, tool
 * rollups and usage after `rollupDays`, timeline events and auth failure counts after `eventDays`,
 * and each gateway's timeline rows beyond its newest `eventMaxRows`. Returns how many rows went.
 */
export async function pruneInsights(db: Database, retention: InsightRetention) {
  const days = (count: number) => sql`now() - make_interval(days => ${count})`
  return {
    toolCalls: await deleteInBatches(
      db,
      sql`
      select id from gateway_tool_calls where ended_at < ${days(retention.toolCallDays)} limit ${DELETE_BATCH}`,
      sql`gateway_tool_calls`,
    ),
    toolHours: await deleteAll(
      db,
      sql`
      delete from gateway_tool_hourly where hour < ${days(retention.rollupDays)} returning 1`,
    ),
    usage: await deleteAll(
      db,
      sql`
      delete from gateway_usage where day < (${days(retention.rollupDays)})::date returning 1`,
    ),
    authFailures: await deleteAll(
      db,
      sql`
      delete from gateway_auth_failures where minute < ${days(retention.eventDays)} returning 1`,
    ),
    events:
      (await deleteInBatches(
        db,
        sql`
        select id from gateway_events where at < ${days(retention.eventDays)} limit ${DELETE_BATCH}`,
        sql`gateway_events`,
      )) + (await pruneEventsBeyondCap(db, retention.eventMaxRows)),
  }
}

async function deleteAll(db: Database, statement: SQL): Promise<number> {
  return (await db.execute(statement)).length
}

async function deleteInBatches(db: Database, selectIds: SQL, table: SQL): Promise<number> {
  let deleted = 0
  for (;;) {
    const rows = await db.execute(sql`delete from ${table} where id in (${selectIds}) returning 1`)
    deleted += rows.length
    if (rows.length < DELETE_BATCH) return deleted
  }
}

/** Each gateway's timeline rows older than its newest `maxRows` (read from the (gateway, id) index). */
async function pruneEventsBeyondCap(db: Database, maxRows: number): Promise<number> {
  const rows = await db.execute(sql`
    with cuts as (
      select g.id as gateway_id, (
        select e.id from gateway_events e where e.gateway_id = g.id order by e.id desc offset ${maxRows} limit 1
      ) as cut
      from gateways g
    )
    delete from gateway_events e using cuts
    where e.gateway_id = cuts.gateway_id and cuts.cut is not null and e.id <= cuts.cut
    returning 1`)
  return rows.length
}
