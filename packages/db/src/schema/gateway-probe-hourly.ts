import { index, integer, pgTable, primaryKey, real } from 'drizzle-orm/pg-core'
import { timestamptz } from './columns.ts'
import { gateways } from './gateways.ts'

/**
 * Hourly rollup of `gateway_probes`, kept much longer than the raw rows. Hours are rolled up for
 * every gateway at once, so the latest `hour` present marks how far the rollup has got.
 */
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
    /**
     * The hour's online latencies as a histogram: each distinct latency (ms, ascending) and how many
     * online probes had it, so percentiles over many hours are exact. Null when none had a latency.
     */
    latencyValues: integer('latency_values').array(),
    latencyCounts: integer('latency_counts').array(),
  },
  (t) => [
    primaryKey({ columns: [t.gatewayId, t.hour] }),
    // Carries the counts so that fleet-wide uptime (every gateway, a day of hours) is an index-only
    // scan: the rows themselves are wide with their histograms. Its `hour` prefix serves pruning.
    index('gateway_probe_hourly_hour_counts_idx').on(t.hour, t.gatewayId, t.probes, t.failures),
  ],
)
