import { sql } from 'drizzle-orm'
import {
  bigserial,
  boolean,
  index,
  integer,
  pgTable,
  primaryKey,
  serial,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core'
import { timestamptz } from './columns.ts'
import { gateways } from './gateways.ts'

/** Each tool a gateway's agents have called: what tool calls, rollups and tool incidents point to. */
export const gatewayTools = pgTable(
  'gateway_tools',
  {
    id: serial('id').primaryKey(),
    gatewayId: integer('gateway_id')
      .notNull()
      .references(() => gateways.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    firstSeenAt: timestamptz('first_seen_at').notNull().defaultNow(),
    lastCallAt: timestamptz('last_call_at'),
  },
  (t) => [uniqueIndex('gateway_tools_gateway_name').on(t.gatewayId, t.name)],
)

/**
 * Finished tool calls, from the gateway's live `agent` events or, after a reconnect, its audit
 * ledger. Kept `TOOL_CALL_RETENTION_DAYS`; times are the gateway's clock, `recorded_at` ours.
 */
export const gatewayToolCalls = pgTable(
  'gateway_tool_calls',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    toolId: integer('tool_id')
      .notNull()
      .references(() => gatewayTools.id, { onDelete: 'cascade' }),
    gatewayId: integer('gateway_id')
      .notNull()
      .references(() => gateways.id, { onDelete: 'cascade' }),
    toolCallId: text('tool_call_id').notNull(),
    sessionKey: text('session_key'),
    agent: text('agent'),
    runId: text('run_id'),
    startedAt: timestamptz('started_at').notNull(),
    endedAt: timestamptz('ended_at').notNull(),
    durationMs: integer('duration_ms').notNull(),
    ok: boolean('ok').notNull(),
    /** Bounded to MAX_TOOL_ERROR_LENGTH. */
    error: text('error'),
    exitCode: integer('exit_code'),
    /** `event` (live) or `audit` (backfilled after a reconnect). */
    source: text('source').notNull(),
    recordedAt: timestamptz('recorded_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('gateway_tool_calls_gateway_call').on(t.gatewayId, t.toolCallId),
    index('gateway_tool_calls_tool_ended_idx').on(t.toolId, t.endedAt),
    index('gateway_tool_calls_failures_idx').on(t.toolId, t.endedAt).where(sql`not ${t.ok}`),
    index('gateway_tool_calls_recorded_idx').on(t.recordedAt),
    index('gateway_tool_calls_ended_idx').on(t.endedAt),
  ],
)

/** Hourly rollup of `gateway_tool_calls` by the hour a call ended, kept a year. */
export const gatewayToolHourly = pgTable(
  'gateway_tool_hourly',
  {
    toolId: integer('tool_id')
      .notNull()
      .references(() => gatewayTools.id, { onDelete: 'cascade' }),
    hour: timestamptz('hour').notNull(),
    calls: integer('calls').notNull(),
    failures: integer('failures').notNull(),
    p50Ms: integer('p50_ms'),
    p95Ms: integer('p95_ms'),
    maxMs: integer('max_ms'),
  },
  (t) => [primaryKey({ columns: [t.toolId, t.hour] }), index('gateway_tool_hourly_hour_idx').on(t.hour)],
)
