import type { GatewaySessionRow as ReportedSession } from '@mc/openclaw'
import { sql } from 'drizzle-orm'
import type { Database } from '../client.ts'
import { gatewaySessions } from '../schema/gateway-sessions.ts'
import { rowOf } from './raw-row.ts'
import { type SessionThresholds, sessionStateSql } from './session-state.ts'

/** One session as a gateway reports it (times in epoch ms, the gateway's clock). */
export type SessionRowInput = ReportedSession

export type GatewaySessionRow = typeof gatewaySessions.$inferSelect & { gatewayName: string }

export const withGatewayName = (raw: Record<string, unknown>): GatewaySessionRow => ({
  ...rowOf(gatewaySessions, raw),
  gatewayName: String(raw.gateway_name),
})

// Columns whose change is worth announcing (not `last_seen_at`, which every full load moves).
const WATCHED_COLUMNS = [
  'agent',
  'label',
  'kind',
  'model',
  'model_provider',
  'created_at',
  'updated_at',
  'last_interaction_at',
  'last_activity_at',
  'has_active_run',
  'run_status',
  'run_started_at',
  'run_ended_at',
  'input_tokens',
  'output_tokens',
  'estimated_cost_usd',
  'archived',
  'state',
  'ended_at',
]
const watched = (alias: string) => sql.raw(WATCHED_COLUMNS.map((column) => `${alias}.${column}`).join(', '))

const fromMs = (field: string) => sql.raw(`to_timestamp(r."${field}" / 1000.0)`)

/**
 * Stores what a gateway reported of `rows` (a full load's page or `sessions.changed` rows) and
 * returns the sessions that are new or changed. A row older than the one stored (a page of a load
 * that raced an event) changes nothing; a session seen again after it ended is live again.
 */
export async function applySessionRows(
  db: Database,
  gatewayId: number,
  rows: SessionRowInput[],
  defaults: SessionThresholds,
): Promise<GatewaySessionRow[]> {
  const latest = [...new Map(rows.map((row) => [row.key, row])).values()]
  if (latest.length === 0) return []
  const result = await db.execute<Record<string, unknown>>(sql`
    with r as (
      select * from jsonb_to_recordset(${JSON.stringify(latest)}::jsonb) as r(key text, "agentId" text,
        label text, kind text, model text, "modelProvider" text, "createdAt" float8, "updatedAt" float8,
        "lastInteractionAt" float8, "hasActiveRun" boolean, "runStatus" text, "startedAt" float8,
        "endedAt" float8, "inputTokens" float8, "outputTokens" float8, "estimatedCostUsd" float8,
        archived boolean)
    ), x as (
      select r.*, r."hasActiveRun" as has_active_run, ${fromMs('createdAt')} as created_ts,
        ${fromMs('updatedAt')} as updated_ts, ${fromMs('lastInteractionAt')} as interaction_ts,
        ${fromMs('startedAt')} as started_ts, ${fromMs('endedAt')} as ended_ts,
        round(r."inputTokens")::bigint as input_tokens, round(r."outputTokens")::bigint as output_tokens,
        coalesce(greatest(${fromMs('updatedAt')}, ${fromMs('lastInteractionAt')}),
          date_trunc('milliseconds', now())) as last_activity_at
      from r
    ), old as (
      select s.* from gateway_sessions s
      where s.gateway_id = ${gatewayId} and s.session_key in (select key from x)
    ), saved as (
      insert into gateway_sessions as s (gateway_id, session_key, agent, label, kind, model, model_provider,
        created_at, updated_at, last_interaction_at, last_activity_at, has_active_run, run_status,
        run_started_at, run_ended_at, input_tokens, output_tokens, estimated_cost_usd, archived, state)
      select g.id, x.key, x."agentId", x.label, x.kind, x.model, x."modelProvider", x.created_ts,
        x.updated_ts, x.interaction_ts, x.last_activity_at, x.has_active_run, x."runStatus", x.started_ts,
        x.ended_ts, x.input_tokens, x.output_tokens, x."estimatedCostUsd", x.archived,
        ${sessionStateSql(defaults)}
      from x join gateways g on g.id = ${gatewayId}
      on conflict (gateway_id, session_key) do update set
        agent = excluded.agent, label = excluded.label, kind = excluded.kind, model = excluded.model,
        model_provider = excluded.model_provider, created_at = excluded.created_at,
        updated_at = excluded.updated_at, last_interaction_at = excluded.last_interaction_at,
        last_activity_at = excluded.last_activity_at, has_active_run = excluded.has_active_run,
        run_status = excluded.run_status, run_started_at = excluded.run_started_at,
        run_ended_at = excluded.run_ended_at, input_tokens = excluded.input_tokens,
        output_tokens = excluded.output_tokens, estimated_cost_usd = excluded.estimated_cost_usd,
        archived = excluded.archived, state = excluded.state, last_seen_at = now(), ended_at = null
      where s.ended_at is not null or s.updated_at is null or excluded.updated_at is null
        or excluded.updated_at >= s.updated_at
      returning s.*
    )
    select saved.*, g.name as gateway_name from saved join gateways g on g.id = saved.gateway_id
    where not exists (
      select 1 from old where old.id = saved.id and (${watched('old')}) is not distinct from (${watched('saved')})
    )`)
  return result.map(withGatewayName)
}

/**
 * After a full load that began at `loadStartedAt` (the database's clock: see `databaseNow`): the
 * gateway's sessions not in `presentKeys` and not seen since are gone from it (deleted, archived or
 * pruned there). Returns the ones that ended.
 */
export async function endMissingSessions(
  db: Database,
  gatewayId: number,
  presentKeys: string[],
  loadStartedAt: Date,
): Promise<GatewaySessionRow[]> {
  const result = await db.execute<Record<string, unknown>>(sql`
    with ended as (
      update gateway_sessions s set ended_at = now(), state = 'ended', has_active_run = false
      where s.gateway_id = ${gatewayId} and s.ended_at is null
        and s.last_seen_at < ${loadStartedAt.toISOString()}::timestamptz
        and not (s.session_key = any(${sql.param(presentKeys)}::text[]))
      returning s.*
    )
    select ended.*, g.name as gateway_name from ended join gateways g on g.id = ended.gateway_id`)
  return result.map(withGatewayName)
}

/**
 * Moves the sessions whose state changed with the passing of time (or a gateway's new thresholds)
 * to it: ready → idle, active → stuck. Returns them, so they can be announced and alerted on.
 */
export async function sweepSessionStates(
  db: Database,
  defaults: SessionThresholds,
): Promise<GatewaySessionRow[]> {
  const result = await db.execute<Record<string, unknown>>(sql`
    with moved as (
      update gateway_sessions x set state = ${sessionStateSql(defaults)}
      from gateways g
      where g.id = x.gateway_id and x.state <> 'ended' and x.state <> ${sessionStateSql(defaults)}
      returning x.*, g.name as gateway_name
    )
    select * from moved`)
  return result.map(withGatewayName)
}
