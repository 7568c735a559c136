import { bigserial, boolean, index, integer, pgTable, text } from 'drizzle-orm/pg-core'
import { timestamptz } from './columns.ts'
import { gateways } from './gateways.ts'

/**
 * The events each gateway sent, as a bounded summary (never message content). Beyond a gateway's
 * rate, one row per type and minute stands for many: `sampled`, with their `count`.
 */
export const gatewayEvents = pgTable(
  'gateway_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    gatewayId: integer('gateway_id')
      .notNull()
      .references(() => gateways.id, { onDelete: 'cascade' }),
    at: timestamptz('at').notNull(),
    type: text('type').notNull(),
    sessionKey: text('session_key'),
    agent: text('agent'),
    runId: text('run_id'),
    summary: text('summary').notNull(),
    count: integer('count').notNull().default(1),
    sampled: boolean('sampled').notNull().default(false),
  },
  (t) => [
    index('gateway_events_gateway_id_idx').on(t.gatewayId, t.id),
    index('gateway_events_gateway_type_idx').on(t.gatewayId, t.type, t.id),
    index('gateway_events_gateway_session_idx').on(t.gatewayId, t.sessionKey, t.id),
    index('gateway_events_at_idx').on(t.at),
  ],
)
