import { inArray, sql } from 'drizzle-orm'
import type { Database } from '../client.ts'
import { gatewayReadCursors } from '../schema/gateway-read-cursors.ts'

export interface ReadCursor {
  /** Where reading the gateway's log goes on from; null before the first read. */
  logCursor: number | null
  /** The latest tool call seen live; null before the first. */
  toolCallsSeenUntil: Date | null
}

const unread = (): ReadCursor => ({ logCursor: null, toolCallsSeenUntil: null })

/** How far a gateway's log and tool calls have been read (nothing read yet: nulls). */
export async function findReadCursor(db: Database, gatewayId: number): Promise<ReadCursor> {
  const [cursor] = await findReadCursors(db, [gatewayId])
  return cursor ?? unread()
}

/** The same for several gateways in one statement: one cursor per id, in their order. */
export async function findReadCursors(db: Database, gatewayIds: number[]): Promise<ReadCursor[]> {
  if (gatewayIds.length === 0) return []
  const rows = await db
    .select({
      gatewayId: gatewayReadCursors.gatewayId,
      logCursor: gatewayReadCursors.logCursor,
      toolCallsSeenUntil: gatewayReadCursors.toolCallsSeenUntil,
    })
    .from(gatewayReadCursors)
    .where(inArray(gatewayReadCursors.gatewayId, [...new Set(gatewayIds)]))
  const found = new Map(rows.map(({ gatewayId, ...cursor }) => [gatewayId, cursor]))
  return gatewayIds.map((id) => found.get(id) ?? unread())
}

/** Where the next read of the gateway's log goes on from. A gateway deleted meanwhile: nothing. */
export async function saveLogCursor(db: Database, gatewayId: number, cursor: number): Promise<void> {
  await saveLogCursors(db, [{ gatewayId, cursor }])
}

/** The same for several gateways in one statement (a gateway's last cursor wins). */
export async function saveLogCursors(
  db: Database,
  cursors: { gatewayId: number; cursor: number }[],
): Promise<void> {
  const latest = [...new Map(cursors.map((entry) => [entry.gatewayId, entry])).values()]
  if (latest.length === 0) return
  await db.execute(sql`
    insert into gateway_read_cursors as c (gateway_id, log_cursor)
    select g.id, r.cursor
    from jsonb_to_recordset(${JSON.stringify(latest)}::jsonb) as r("gatewayId" int, cursor bigint)
    join gateways g on g.id = r."gatewayId"
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
