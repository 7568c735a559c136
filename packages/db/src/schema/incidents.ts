import { INCIDENT_STATUSES } from '@mc/shared'
import { sql } from 'drizzle-orm'
import { boolean, index, integer, pgEnum, pgTable, serial, text, uniqueIndex } from 'drizzle-orm/pg-core'
import { alertRules } from './alert-rules.ts'
import { timestamptz } from './columns.ts'

export const incidentStatusEnum = pgEnum('incident_status', INCIDENT_STATUSES)

export const incidents = pgTable(
  'incidents',
  {
    id: serial('id').primaryKey(),
    ruleId: integer('rule_id').references(() => alertRules.id, { onDelete: 'set null' }),
    /** Copied from the rule when it opened: the record outlives the rule. */
    ruleName: text('rule_name').notNull(),
    kind: text('kind').notNull(),
    severity: text('severity').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: integer('subject_id').notNull(),
    subjectName: text('subject_name').notNull(),
    status: incidentStatusEnum('status').notNull().default('open'),
    summary: text('summary').notNull(),
    openedAt: timestamptz('opened_at').notNull().defaultNow(),
    acknowledgedAt: timestamptz('acknowledged_at'),
    acknowledgedBy: text('acknowledged_by'),
    resolvedAt: timestamptz('resolved_at'),
    resolvedBy: text('resolved_by'),
    /** Opened during a maintenance window of its gateway: its opening notice waits for the end. */
    inMaintenance: boolean('in_maintenance').notNull().default(false),
    /** When its opening was queued for its channels; null while held back by maintenance. */
    notifiedAt: timestamptz('notified_at'),
    lastNotifiedAt: timestamptz('last_notified_at'),
  },
  (t) => [
    // One unresolved incident per condition and subject: two workers seeing one flip open one.
    uniqueIndex('incidents_one_unresolved_key')
      .on(t.ruleId, t.subjectType, t.subjectId)
      .where(sql`${t.status} <> 'resolved'`),
    index('incidents_unresolved_idx').on(t.id).where(sql`${t.status} <> 'resolved'`),
    index('incidents_subject_idx').on(t.subjectType, t.subjectId, t.id),
  ],
)

export const incidentTimeline = pgTable(
  'incident_timeline',
  {
    id: serial('id').primaryKey(),
    incidentId: integer('incident_id')
      .notNull()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    at: timestamptz('at').notNull().defaultNow(),
    /** One of the shared package's `INCIDENT_TIMELINE_TYPES`. */
    type: text('type').notNull(),
    actor: text('actor').notNull().default('system'),
    detail: text('detail'),
  },
  (t) => [index('incident_timeline_incident_idx').on(t.incidentId, t.id)],
)
