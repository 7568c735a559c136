import { bigint, date, doublePrecision, index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core'
import { updatedAt } from './columns.ts'
import { gateways } from './gateways.ts'

/**
 * Tokens and cost of each gateway session per UTC day, as the gateway's `sessions.usage` reported
 * them: each reading replaces the day's row, so readings can repeat without counting twice.
 */
export const gatewayUsage = pgTable(
  'gateway_usage',
  {
    gatewayId: integer('gateway_id')
      .notNull()
      .references(() => gateways.id, { onDelete: 'cascade' }),
    day: date('day', { mode: 'string' }).notNull(),
    sessionKey: text('session_key').notNull(),
    agent: text('agent'),
    model: text('model'),
    provider: text('provider'),
    inputTokens: bigint('input_tokens', { mode: 'number' }).notNull(),
    outputTokens: bigint('output_tokens', { mode: 'number' }).notNull(),
    costUsd: doublePrecision('cost_usd').notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.gatewayId, t.day, t.sessionKey] }),
    index('gateway_usage_day_idx').on(t.day),
  ],
)
