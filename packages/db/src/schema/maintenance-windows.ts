import { index, integer, pgTable, serial, text } from 'drizzle-orm/pg-core'
import { createdAt, timestamptz } from './columns.ts'

export const maintenanceWindows = pgTable(
  'maintenance_windows',
  {
    id: serial('id').primaryKey(),
    gatewayIds: integer('gateway_ids').array().notNull(),
    startsAt: timestamptz('starts_at').notNull(),
    /** Set to the moment of a DELETE that ends it early. */
    endsAt: timestamptz('ends_at').notNull(),
    reason: text('reason').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: createdAt(),
    cancelledAt: timestamptz('cancelled_at'),
  },
  (t) => [
    index('maintenance_windows_ends_at_idx').on(t.endsAt),
    index('maintenance_windows_gateways_idx').using('gin', t.gatewayIds),
  ],
)
