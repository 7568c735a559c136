import { pgTable, serial, text, uniqueIndex } from 'drizzle-orm/pg-core'
import { createdAt, timestamptz, updatedAt } from './columns.ts'
import { agentStatusEnum } from './enums.ts'

export const agents = pgTable(
  'agents',
  {
    id: serial('id').primaryKey(),
    name: text('name').notNull(),
    role: text('role').notNull().default('cli'),
    status: agentStatusEnum('status').notNull().default('offline'),
    /** Where the agent was first seen: `cli` for direct connections. */
    source: text('source').notNull().default('cli'),
    lastSeen: timestamptz('last_seen'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('agents_name_key').on(t.name)],
)
