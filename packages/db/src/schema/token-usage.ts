import { bigserial, index, integer, pgTable, text } from 'drizzle-orm/pg-core'
import { agents } from './agents.ts'
import { timestamptz } from './columns.ts'
import { directConnections } from './direct-connections.ts'

export const tokenUsage = pgTable(
  'token_usage',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    agentId: integer('agent_id')
      .notNull()
      .references(() => agents.id, { onDelete: 'cascade' }),
    connectionId: integer('connection_id').references(() => directConnections.id, { onDelete: 'set null' }),
    model: text('model').notNull(),
    inputTokens: integer('input_tokens').notNull(),
    outputTokens: integer('output_tokens').notNull(),
    recordedAt: timestamptz('recorded_at').notNull().defaultNow(),
  },
  (t) => [index('token_usage_agent_recorded_at_idx').on(t.agentId, t.recordedAt)],
)
