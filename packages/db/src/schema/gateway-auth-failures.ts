import { index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core'
import { timestamptz } from './columns.ts'
import { gateways } from './gateways.ts'

/**
 * Failed handshakes a gateway logged, counted per minute, remote address and reason: all that is
 * kept of its log. `last_at` is the latest failure within the minute.
 */
export const gatewayAuthFailures = pgTable(
  'gateway_auth_failures',
  {
    gatewayId: integer('gateway_id')
      .notNull()
      .references(() => gateways.id, { onDelete: 'cascade' }),
    minute: timestamptz('minute').notNull(),
    address: text('address').notNull(),
    reason: text('reason').notNull(),
    count: integer('count').notNull(),
    lastAt: timestamptz('last_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.gatewayId, t.minute, t.address, t.reason] }),
    index('gateway_auth_failures_minute_idx').on(t.minute),
  ],
)
