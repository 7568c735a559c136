import { eq, sql } from 'drizzle-orm'
import type { Database } from '../client.ts'
import { gatewayReadCursors } from '../schema/gateway-read-cursors.ts'

export interface ReadCursor {
  /** Where reading the gateway's log goes on from; null before the first read. */
  logCursor: number | null
  /** The latest tool call seen live; null before the first. */
  toolCallsSeenUntil: Date | null
}

/** How far a gateway's log and tool calls have been read (nothing read yet: nulls). */
export async function findReadCursor(db: Database, gatewayId: number): Promise<ReadCursor> {
  const [row] = await db
    .select({
      logCursor: gatewayReadCursors.logCursor,
      toolCallsSeenUntil: gatewayReadCursors.toolCallsSeenUntil,
    })
    .from(gatewayReadCursors)
    .where(eq(gatewayReadCursors.gatewayId, gatewayId))
  return row ?? { logCursor: null, toolCallsSeenUntil: null }
}

/** Where the next read of the gateway's log goes on from. A gateway deleted meanwhile: nothing. */
export async function saveLogCursor(db: Database, gatewayId: number, cursor: number): Promise<void> {
  await db.execute(sql`
    insert into gateway_read_cursors as c (gateway_id, log_cursor)
    select id, ${cursor} from gateways where id = ${gatewayId}
    on conflict (gateway_id) do update set log_cursor = excluded.log_cursor, updated_at = now()`)
}

/** Moves the latest tool call seen live forward (never back). A gateway deleted meanwhile: nothing. */
export async function saveToolCallsSeenUntil(db: Database, gatewayId: number, at: Date): Promise<void> {
  await db.execute(sql`
    insert into gateway_read_cursors as c (gateway_id, tool_calls_seen_until)
    select id, ${at.toISOString()}::timestamptz from gateways where id = ${gatewayId}
    on conflict (gateway_id) do update
      set tool_calls_seen_until = greatest(c.tool_calls_seen_until, excluded.tool_calls_seen_until),
        updated_at = now()`)
}
