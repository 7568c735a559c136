import { sql } from 'drizzle-orm'
import {
  bigint,
  boolean,
  doublePrecision,
  index,
  integer,
  pgTable,
  serial,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core'
import { timestamptz } from './columns.ts'
import { sessionStateEnum } from './enums.ts'
import { gateways } from './gateways.ts'

/** What the Sessions page's search matches: label, key and model in one text (the index is on it). */
export const sessionSearchText = (t: { label: unknown; sessionKey: unknown; model: unknown }) =>
  sql`(coalesce(${t.label}, '') || ' ' || ${t.sessionKey} || ' ' || coalesce(${t.model}, ''))`

/**
 * The agent sessions of every watched gateway, as their watchers last saw them. Times named after
 * the gateway's fields are the gateway's clock; `first_seen_at`, `last_seen_at` and `ended_at` ours.
 * Never message content.
 */
export const gatewaySessions = pgTable(
  'gateway_sessions',
  {
    id: serial('id').primaryKey(),
    gatewayId: integer('gateway_id')
      .notNull()
      .references(() => gateways.id, { onDelete: 'cascade' }),
    sessionKey: text('session_key').notNull(),
    agent: text('agent').notNull(),
    label: text('label'),
    kind: text('kind'),
    model: text('model'),
    modelProvider: text('model_provider'),
    createdAt: timestamptz('created_at'),
    updatedAt: timestamptz('updated_at'),
    lastInteractionAt: timestamptz('last_interaction_at'),
    /** The later of `updated_at` and `last_interaction_at` (first seen when it has neither). */
    lastActivityAt: timestamptz('last_activity_at').notNull(),
    hasActiveRun: boolean('has_active_run').notNull().default(false),
    runStatus: text('run_status'),
    runStartedAt: timestamptz('run_started_at'),
    runEndedAt: timestamptz('run_ended_at'),
    inputTokens: bigint('input_tokens', { mode: 'number' }),
    outputTokens: bigint('output_tokens', { mode: 'number' }),
    estimatedCostUsd: doublePrecision('estimated_cost_usd'),
    archived: boolean('archived').notNull().default(false),
    /** Kept by the watcher's writes and the state sweep, so lists, counts and alerts read one value. */
    state: sessionStateEnum('state').notNull(),
    firstSeenAt: timestamptz('first_seen_at').notNull().defaultNow(),
    lastSeenAt: timestamptz('last_seen_at').notNull().defaultNow(),
    /** Found gone from the gateway; null while it is there. */
    endedAt: timestamptz('ended_at'),
  },
  (t) => [
    uniqueIndex('gateway_sessions_gateway_key').on(t.gatewayId, t.sessionKey),
    // The Sessions page: newest activity first, across gateways or within one, per state.
    index('gateway_sessions_activity_idx').on(t.lastActivityAt.desc(), t.id.desc()),
    index('gateway_sessions_gateway_activity_idx').on(t.gatewayId, t.lastActivityAt.desc(), t.id.desc()),
    index('gateway_sessions_state_activity_idx').on(t.state, t.lastActivityAt.desc(), t.id.desc()),
    // The Sessions page's search: trigrams make `ilike '%…%'` an index lookup, not a scan of every row.
    index('gateway_sessions_search_trgm').using('gin', sql`${sessionSearchText(t)} gin_trgm_ops`),
    // The state sweep only looks at sessions whose state can change with time.
    index('gateway_sessions_live_idx').on(t.lastActivityAt).where(sql`${t.state} in ('active', 'ready')`),
  ],
)
