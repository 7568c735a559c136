import { boolean, index, integer, pgTable, serial, text } from 'drizzle-orm/pg-core'
import { timestamptz } from './columns.ts'
import { gateways } from './gateways.ts'

/**
 * Every move of the primary role (automatic failover, failback, manual), and every automatic one
 * that could not happen for want of a healthy standby (`to_id` null). Names are copied: the record
 * outlives the gateways.
 */
export const gatewayFailovers = pgTable(
  'gateway_failovers',
  {
    id: serial('id').primaryKey(),
    fromId: integer('from_id').references(() => gateways.id, { onDelete: 'set null' }),
    fromName: text('from_name').notNull(),
    toId: integer('to_id').references(() => gateways.id, { onDelete: 'set null' }),
    /** Null when no standby could take over. */
    toName: text('to_name'),
    /** `failover`, `failback`, `manual` or `no_candidate`. */
    kind: text('kind').notNull(),
    reason: text('reason').notNull(),
    /** Decided by Mission Control itself (failover, failback, no candidate), not by a person. */
    automatic: boolean('automatic').notNull(),
    actor: text('actor').notNull(),
    at: timestamptz('at').notNull().defaultNow(),
  },
  (t) => [index('gateway_failovers_at_idx').on(t.at.desc())],
)
