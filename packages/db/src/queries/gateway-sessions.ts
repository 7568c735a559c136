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
  const [changed] = await applySessionRowsOfGateways(db, [{ gatewayId, rows }], defaults)
  return changed ?? []
}

/**
 * The same for several gateways in one statement: the sessions that are new or changed, per entry
 * (a gateway's in its first entry).
 */
export async function applySessionRowsOfGateways(
  db: Database,
  entries: { gatewayId: number; rows: SessionRowInput[] }[],
  defaults: SessionThresholds,
): Promise<GatewaySessionRow[][]> {
  const latest = new Map<string, SessionRowInput & { gatewayId: number }>()
  for (const { gatewayId, rows } of entries)
    for (const row of rows) latest.set(`${gatewayId}\n${row.key}`, { ...row, gatewayId })
  if (latest.size === 0) return entries.map(() => [])
  const result = await db.execute<Record<string, unknown>>(sql`
    with r as (
      select * from jsonb_to_recordset(${JSON.stringify([...latest.values()])}::jsonb) as r("gatewayId" int,
        key text, "agentId" text, label text, kind text, model text, "modelProvider" text, "createdAt" float8,
        "updatedAt" float8, "lastInteractionAt" float8, "hasActiveRun" boolean, "runStatus" text,
        "startedAt" float8, "endedAt" float8, "inputTokens" float8, "outputTokens" float8,
        "estimatedCostUsd" float8, archived boolean)
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
      join x on s.gateway_id = x."gatewayId" and s.session_key = x.key
    ), saved as (
      insert into gateway_sessions as s (gateway_id, session_key, agent, label, kind, model, model_provider,
        created_at, updated_at, last_interaction_at, last_activity_at, has_active_run, run_status,
        run_started_at, run_ended_at, input_tokens, output_tokens, estimated_cost_usd, archived, state)
      select g.id, x.key, x."agentId", x.label, x.kind, x.model, x."modelProvider", x.created_ts,
        x.updated_ts, x.interaction_ts, x.last_activity_at, x.has_active_run, x."runStatus", x.started_ts,
        x.ended_ts, x.input_tokens, x.output_tokens, x."estimatedCostUsd", x.archived,
        ${sessionStateSql(defaults)}
      from x join gateways g on g.id = x."gatewayId"
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
  return perEntry(entries, result.map(withGatewayName))
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
  const [ended] = await endMissingSessionsOfGateways(db, [{ gatewayId, presentKeys, loadStartedAt }])
  return ended ?? []
}

/** The same after several gateways' full loads, in one statement: the sessions ended, per load. */
export async function endMissingSessionsOfGateways(
  db: Database,
  loads: { gatewayId: number; presentKeys: string[]; loadStartedAt: Date }[],
): Promise<GatewaySessionRow[][]> {
  if (loads.length === 0) return []
  const input = loads.map((load) => ({
    gatewayId: load.gatewayId,
    keys: load.presentKeys,
    startedAt: load.loadStartedAt.toISOString(),
  }))
  const result = await db.execute<Record<string, unknown>>(sql`
    with m as (
      select * from jsonb_to_recordset(${JSON.stringify(input)}::jsonb) as m("gatewayId" int, keys text[],
        "startedAt" timestamptz)
    ), ended as (
      update gateway_sessions s set ended_at = now(), state = 'ended', has_active_run = false
      from m
      where s.gateway_id = m."gatewayId" and s.ended_at is null and s.last_seen_at < m."startedAt"
        and not (s.session_key = any(m.keys))
      returning s.*
    )
    select ended.*, g.name as gateway_name from ended join gateways g on g.id = ended.gateway_id`)
  return perEntry(loads, result.map(withGatewayName))
}

/** `rows` handed to the entry of their gateway (its first, should a gateway come twice). */
function perEntry(entries: { gatewayId: number }[], rows: GatewaySessionRow[]): GatewaySessionRow[][] {
  const byGateway = new Map<number, GatewaySessionRow[]>()
  for (const row of rows) {
    const list = byGateway.get(row.gatewayId)
    if (list) list.push(row)
    else byGateway.set(row.gatewayId, [row])
  }
  const handed = new Set<number>()
  return entries.map(({ gatewayId }) => {
    if (handed.has(gatewayId)) return []
    handed.add(gatewayId)
    return byGateway.get(gatewayId) ?? []
  })
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
