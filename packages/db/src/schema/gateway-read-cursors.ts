import { bigint, integer, pgTable } from 'drizzle-orm/pg-core'
import { timestamptz, updatedAt } from './columns.ts'
import { gateways } from './gateways.ts'

/**
 * How far each gateway's log and tool calls have been read, so that whichever worker watches it
 * next goes on from there: the watcher status row goes when a watcher stops, this does not.
 */
export const gatewayReadCursors = pgTable('gateway_read_cursors', {
  gatewayId: integer('gateway_id')
    .primaryKey()
    .references(() => gateways.id, { onDelete: 'cascade' }),
  /** Where reading the gateway's log (`logs.tail`) goes on from; null before the first read. */
  logCursor: bigint('log_cursor', { mode: 'number' }),
  /** The latest tool call seen live: after a reconnect, the audit ledger is read from there. */
  toolCallsSeenUntil: timestamptz('tool_calls_seen_until'),
  updatedAt: updatedAt(),
})
