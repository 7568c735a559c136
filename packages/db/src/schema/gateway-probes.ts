import { bigserial, index, integer, pgTable, text } from 'drizzle-orm/pg-core'
import { timestamptz } from './columns.ts'
import { gatewayStatusEnum } from './enums.ts'
import { gateways } from './gateways.ts'

/** One row per probe; pruned after the retention period once rolled up hourly. */
export const gatewayProbes = pgTable(
  'gateway_probes',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    gatewayId: integer('gateway_id')
      .notNull()
      .references(() => gateways.id, { onDelete: 'cascade' }),
    status: gatewayStatusEnum('status').notNull(),
    latency: integer('latency'),
    sessionsCount: integer('sessions_count'),
    agentsCount: integer('agents_count'),
    version: text('version'),
    error: text('error'),
    probedAt: timestamptz('probed_at').notNull().defaultNow(),
  },
  (t) => [
    index('gateway_probes_gateway_probed_at_idx').on(t.gatewayId, t.probedAt.desc()),
    index('gateway_probes_probed_at_idx').on(t.probedAt),
  ],
)
