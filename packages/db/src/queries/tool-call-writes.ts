import type { FinishedToolCall } from '@mc/openclaw'
import { MAX_TOOL_ERROR_LENGTH } from '@mc/shared'
import { sql } from 'drizzle-orm'
import type { Database } from '../client.ts'

/**
 * A finished tool call as a watcher read it (times in epoch ms, the gateway's clock). `toolCallId`
 * must be the same for a live call and its audit-ledger entry (the ledger's form), so that a
 * backfill stores nothing twice.
 */
export type ToolCallInput = Omit<FinishedToolCall, 'auditToolCallId'>

/** `event`: seen live; `audit`: read from the gateway's audit ledger after a reconnect. */
export type ToolCallSource = 'event' | 'audit'

// Longer names are not tool names (the API takes names up to 200 characters).
const MAX_TOOL_NAME_LENGTH = 200

/**
 * Stores finished tool calls of one gateway, creating its tools on first sight; a call already
 * stored (same gateway and call id) is left as it is. Returns the ids of the tools that gained
 * calls, for the alerts. A gateway deleted meanwhile gets nothing.
 */
export async function recordToolCalls(
  db: Database,
  gatewayId: number,
  calls: ToolCallInput[],
  source: ToolCallSource,
): Promise<{ inserted: number; toolIds: number[] }> {
  if (calls.length === 0) return { inserted: 0, toolIds: [] }
  const rows = await db.execute<{ tool_id: number }>(sql`
    with r as (
      select r.*, left(r.tool, ${MAX_TOOL_NAME_LENGTH}) as name, to_timestamp(r."endedAt" / 1000.0) as ended_ts
      from jsonb_to_recordset(${JSON.stringify(calls)}::jsonb) as r("toolCallId" text, tool text,
        "sessionKey" text, "agentId" text, "runId" text, "startedAt" float8, "endedAt" float8,
        "durationMs" float8, ok boolean, error text, "exitCode" float8)
    ), tools as (
      insert into gateway_tools as t (gateway_id, name, last_call_at)
      select g.id, r.name, max(r.ended_ts) from r join gateways g on g.id = ${gatewayId}
      group by g.id, r.name
      on conflict (gateway_id, name) do update
        set last_call_at = greatest(t.last_call_at, excluded.last_call_at)
      returning t.id, t.name
    ), inserted as (
      insert into gateway_tool_calls (tool_id, gateway_id, tool_call_id, session_key, agent, run_id,
        started_at, ended_at, duration_ms, ok, error, exit_code, source)
      select tools.id, ${gatewayId}, r."toolCallId", r."sessionKey", r."agentId", r."runId",
        to_timestamp(r."startedAt" / 1000.0), r.ended_ts,
        least(greatest(round(r."durationMs"), 0), 2147483647)::int, r.ok,
        left(r.error, ${MAX_TOOL_ERROR_LENGTH}), round(r."exitCode")::int, ${source}
      from r join tools on tools.name = r.name
      on conflict (gateway_id, tool_call_id) do nothing
      returning tool_id
    )
    select tool_id from inserted`)
  return { inserted: rows.length, toolIds: [...new Set(rows.map((row) => Number(row.tool_id)))] }
}
