import { boolean, index, integer, pgTable, serial, text } from 'drizzle-orm/pg-core'
import { alertChannels } from './alert-channels.ts'
import { createdAt, timestamptz } from './columns.ts'
import { incidents } from './incidents.ts'

/**
 * The outbox: what each channel still has to be told. A delivery job claims every unclaimed row of
 * its channel at once, which is how notifications that fall within the group wait become one message.
 */
export const alertNotifications = pgTable(
  'alert_notifications',
  {
    id: serial('id').primaryKey(),
    channelId: integer('channel_id')
      .notNull()
      .references(() => alertChannels.id, { onDelete: 'cascade' }),
    incidentId: integer('incident_id')
      .notNull()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    /** `incident.opened`, `incident.reminder` or `incident.resolved`. */
    event: text('event').notNull(),
    createdAt: createdAt(),
    /** The delivery job that carries it; null until one claims it. */
    jobId: text('job_id'),
    delivered: boolean('delivered').notNull().default(false),
  },
  (t) => [index('alert_notifications_channel_job_idx').on(t.channelId, t.jobId)],
)

export const alertDeliveries = pgTable(
  'alert_deliveries',
  {
    id: serial('id').primaryKey(),
    channelId: integer('channel_id').references(() => alertChannels.id, { onDelete: 'set null' }),
    channelName: text('channel_name').notNull(),
    event: text('event').notNull(),
    incidentIds: integer('incident_ids').array().notNull(),
    attempt: integer('attempt').notNull(),
    ok: boolean('ok').notNull(),
    statusCode: integer('status_code'),
    reply: text('reply'),
    durationMs: integer('duration_ms').notNull(),
    error: text('error'),
    at: timestamptz('at').notNull().defaultNow(),
  },
  (t) => [index('alert_deliveries_channel_idx').on(t.channelId, t.id)],
)
