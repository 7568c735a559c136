import { bigserial, index, jsonb, pgTable, text } from 'drizzle-orm/pg-core'
import { timestamptz } from './columns.ts'

/** Who did what, when, from where. Never holds a secret: callers pass redacted details. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** e.g. `user:alice`, `key:ci-bot`, `env-key`, `anonymous`. */
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    target: text('target'),
    detail: jsonb('detail'),
    ip: text('ip'),
    at: timestamptz('at').notNull().defaultNow(),
  },
  (t) => [
    index('audit_log_at_idx').on(t.at.desc()),
    index('audit_log_action_at_idx').on(t.action, t.at.desc()),
  ],
)
