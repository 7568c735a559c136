import type { SessionUsage } from '@mc/openclaw'
import { sql } from 'drizzle-orm'
import type { Database } from '../client.ts'

/** One session's tokens and cost over one UTC day, as the gateway's `sessions.usage` reported them. */
export type SessionUsageInput = Omit<SessionUsage, 'lastActivityAt'>

/**
 * Stores a reading of one gateway's usage for `day` (YYYY-MM-DD, UTC): each session's row of that
 * day is replaced, so readings can repeat without counting twice. A gateway deleted meanwhile gets
 * nothing. Returns how many rows were written.
 */
export async function recordGatewayUsage(
  db: Database,
  gatewayId: number,
  day: string,
  sessions: SessionUsageInput[],
): Promise<number> {
  // One row per session: a statement cannot update the same row twice.
  const latest = [...new Map(sessions.map((session) => [session.sessionKey, session])).values()]
  if (latest.length === 0) return 0
  const rows = await db.execute(sql`
    insert into gateway_usage as u (gateway_id, day, session_key, agent, model, provider, input_tokens,
      output_tokens, cost_usd)
    select g.id, ${day}::date, r."sessionKey", r."agentId", r.model, r.provider, round(r."inputTokens")::bigint,
      round(r."outputTokens")::bigint, r."costUsd"
    from jsonb_to_recordset(${JSON.stringify(latest)}::jsonb) as r("sessionKey" text, "agentId" text,
      model text, provider text, "inputTokens" float8, "outputTokens" float8, "costUsd" float8)
    join gateways g on g.id = ${gatewayId}
    on conflict (gateway_id, day, session_key) do update set agent = excluded.agent, model = excluded.model,
      provider = excluded.provider, input_tokens = excluded.input_tokens,
      output_tokens = excluded.output_tokens, cost_usd = excluded.cost_usd, updated_at = now()
    returning 1`)
  return rows.length
}
