import { integer, pgTable, primaryKey, real } from 'drizzle-orm/pg-core'
import { timestamptz } from './columns.ts'
import { gateways } from './gateways.ts'

/** Hourly rollup of `gateway_probes`, kept much longer than the raw rows. */
export const gatewayProbeHourly = pgTable(
  'gateway_probe_hourly',
  {
    gatewayId: integer('gateway_id')
      .notNull()
      .references(() => gateways.id, { onDelete: 'cascade' }),
    hour: timestamptz('hour').notNull(),
    probes: integer('probes').notNull(),
    failures: integer('failures').notNull(),
    latencyMin: integer('latency_min'),
    latencyAvg: real('latency_avg'),
    latencyP95: integer('latency_p95'),
  },
  (t) => [primaryKey({ columns: [t.gatewayId, t.hour] })],
)
