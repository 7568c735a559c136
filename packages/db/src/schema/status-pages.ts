import { boolean, integer, pgTable, serial, text, uniqueIndex } from 'drizzle-orm/pg-core'
import { createdAt, updatedAt } from './columns.ts'

/**
 * A page of gateway statuses for people outside the team. Its gateways are an ordered id list, not
 * a join table: a deleted gateway simply drops off the page (reads keep only ids that still exist).
 */
export const statusPages = pgTable(
  'status_pages',
  {
    id: serial('id').primaryKey(),
    slug: text('slug').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    gatewayIds: integer('gateway_ids').array().notNull(),
    public: boolean('public').notNull().default(false),
    showErrors: boolean('show_errors').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('status_pages_slug_idx').on(t.slug)],
)
