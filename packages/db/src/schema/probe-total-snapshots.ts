import { bigint, foreignKey, integer, pgTable, primaryKey } from 'drizzle-orm/pg-core'
import { timestamptz } from './columns.ts'

/**
 * One row per snapshot of `gateway_probe_totals`, taken every few minutes by the worker. Keyed by
 * when the job iteration that took it was due, so a retried or doubly run iteration writes one.
 */
export const probeTotalSnapshots = pgTable('probe_total_snapshots', {
  scheduledAt: timestamptz('scheduled_at').primaryKey(),
  /** When the totals were read: the moment from which their difference to today's counts. */
  takenAt: timestamptz('taken_at').notNull().defaultNow(),
})

/**
 * The totals of each gateway at a snapshot. No foreign key to `gateways`: deleting a gateway would
 * then scan this table for its rows; a deleted gateway's rows go with their snapshot (ids are never
 * reused, and the readers start from `gateways`).
 */
export const gatewayProbeTotalSnapshots = pgTable(
  'gateway_probe_total_snapshots',
  {
    scheduledAt: timestamptz('scheduled_at').notNull(),
    gatewayId: integer('gateway_id').notNull(),
    probes: bigint('probes', { mode: 'number' }).notNull(),
    online: bigint('online', { mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.scheduledAt, t.gatewayId] }),
    // Named here: the generated name is longer than Postgres keeps.
    foreignKey({
      name: 'gateway_probe_total_snapshots_snapshot_fk',
      columns: [t.scheduledAt],
      foreignColumns: [probeTotalSnapshots.scheduledAt],
    }).onDelete('cascade'),
  ],
)
