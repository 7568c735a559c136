import { sql } from 'drizzle-orm'
import { index, integer, jsonb, pgTable, serial, text } from 'drizzle-orm/pg-core'
import { agents } from './agents.ts'
import { createdAt, timestamptz } from './columns.ts'
import { connectionStatusEnum } from './enums.ts'

export const directConnections = pgTable(
  'direct_connections',
  {
    id: serial('id').primaryKey(),
    agentId: integer('agent_id')
      .notNull()
      .references(() => agents.id, { onDelete: 'cascade' }),
    toolName: text('tool_name').notNull(),
    toolVersion: text('tool_version'),
    connectionId: text('connection_id').notNull().unique(),
    status: connectionStatusEnum('status').notNull().default('connected'),
    lastHeartbeat: timestamptz('last_heartbeat'),
    metadata: jsonb('metadata'),
    createdAt: createdAt(),
    /** Last heartbeat (or registration) plus the heartbeat timeout, in database time. */
    expiresAt: timestamptz('expires_at').notNull(),
    disconnectedAt: timestamptz('disconnected_at'),
    disconnectReason: text('disconnect_reason'),
  },
  (t) => [
    index('direct_connections_agent_id_idx').on(t.agentId),
    index('direct_connections_created_at_idx').on(t.createdAt.desc()),
    // The expiry sweep reads only live rows ordered by expiry.
    index('direct_connections_connected_expires_idx').on(t.expiresAt).where(sql`${t.status} = 'connected'`),
    // An agent's live connections (what a connect retires, whether an agent is still online): without
    // it the planner combined the two indexes above and read every live row, so each connect cost
    // time in proportion to the fleet's live connections.
    index('direct_connections_connected_agent_tool_idx')
      .on(t.agentId, t.toolName)
      .where(sql`${t.status} = 'connected'`),
  ],
)
