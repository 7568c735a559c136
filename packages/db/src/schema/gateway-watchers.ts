import { integer, pgTable, text } from 'drizzle-orm/pg-core'
import { timestamptz } from './columns.ts'
import { gateways } from './gateways.ts'

/**
 * What the watcher of each gateway is doing, for the gateway page: which worker holds its lease,
 * whether its connection is up, and whether the gateway floods it with events. Feeds nothing of
 * probing: probes stay the truth about up and down.
 */
export const gatewayWatchers = pgTable('gateway_watchers', {
  gatewayId: integer('gateway_id')
    .primaryKey()
    .references(() => gateways.id, { onDelete: 'cascade' }),
  workerId: text('worker_id').notNull(),
  /** `connecting`, `watching` or `reconnecting`. */
  status: text('status').notNull(),
  /** Why the last connection failed or ended (never a token). */
  error: text('error'),
  /** Since when its events are throttled for flooding; null when they are not. */
  throttledSince: timestamptz('throttled_since'),
  /** When the last full session list was loaded. */
  loadedAt: timestamptz('loaded_at'),
  changedAt: timestamptz('changed_at').notNull().defaultNow(),
})
