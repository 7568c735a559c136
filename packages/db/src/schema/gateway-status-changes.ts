import { bigserial, index, integer, pgTable, text } from 'drizzle-orm/pg-core'
import { timestamptz } from './columns.ts'
import { gatewayStatusEnum } from './enums.ts'
import { gateways } from './gateways.ts'

/**
 * The event log of status flips: one row each time a probe changes a gateway's status, written in
 * the same statement as the probe. Pruned with the raw probes (PROBE_RETENTION_DAYS).
 */
export const gatewayStatusChanges = pgTable(
  'gateway_status_changes',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    gatewayId: integer('gateway_id')
      .notNull()
      .references(() => gateways.id, { onDelete: 'cascade' }),
    oldStatus: gatewayStatusEnum('old_status').notNull(),
    newStatus: gatewayStatusEnum('new_status').notNull(),
    /** The gateway's latency after the flip (the last known one when it went down). */
    latency: integer('latency'),
    /** Why it is not online; null for a flip to online. */
    error: text('error'),
    changedAt: timestamptz('changed_at').notNull().defaultNow(),
  },
  (t) => [
    index('gateway_status_changes_changed_at_idx').on(t.changedAt.desc()),
    index('gateway_status_changes_gateway_changed_at_idx').on(t.gatewayId, t.changedAt),
  ],
)
