import { bigint, integer, pgTable } from 'drizzle-orm/pg-core'
import { gateways } from './gateways.ts'

/**
 * Running totals of each gateway's probes, as counters only ever go up: pruning raw probes leaves
 * them alone. A statement-level trigger on `gateway_probes` (migration 0014, not expressible in this
 * schema) adds every inserted probe in the inserting statement, whichever code path inserts it.
 * The difference from a snapshot (`gateway_probe_total_snapshots`) is the probes since.
 */
export const gatewayProbeTotals = pgTable('gateway_probe_totals', {
  gatewayId: integer('gateway_id')
    .primaryKey()
    .references(() => gateways.id, { onDelete: 'cascade' }),
  probes: bigint('probes', { mode: 'number' }).notNull(),
  online: bigint('online', { mode: 'number' }).notNull(),
})
