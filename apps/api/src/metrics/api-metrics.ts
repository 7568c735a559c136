import type { Database, HeartbeatSettlement } from '@mc/db'
import { createMetricsRegistry } from '@mc/runtime'
import type { Redis } from 'ioredis'
import { Counter, Gauge, Histogram } from 'prom-client'
import { registerFleetGauges } from './fleet-gauges.ts'
import { registerQueueGauges } from './queue-gauges.ts'

/** How a heartbeat ended: its outcome, or `failed` when its write failed (the database unreachable…). */
const HEARTBEAT_OUTCOMES = ['ok', 'not_found', 'disconnected', 'invalid', 'failed'] as const

export interface ApiMetricsDeps {
  db: Database
  redis: Redis
  redisPrefix: string
}

/**
 * The api's `/metrics`: what this process served (HTTP requests, heartbeats, event streams, its
 * process), plus the fleet, the connections and the worker's queues read at scrape time, the same
 * from every replica.
 */
export function createApiMetrics({ db, redis, redisPrefix }: ApiMetricsDeps) {
  const registry = createMetricsRegistry()
  const heartbeats = new Counter({
    name: 'mc_heartbeats_total',
    help: 'CLI heartbeats written by this api process, by outcome',
    labelNames: ['outcome'] as const,
    registers: [registry],
  })
  const heartbeatBatchSize = new Histogram({
    name: 'mc_heartbeat_batch_size',
    help: 'Heartbeats written together in one statement',
    buckets: [1, 2, 5, 10, 25, 50, 100, 250],
    registers: [registry],
  })
  const eventStreamClients = new Gauge({
    name: 'mc_event_stream_clients',
    help: 'Browsers connected to GET /api/events on this api process',
    registers: [registry],
  })
  const httpDuration = new Histogram({
    name: 'mc_http_request_duration_seconds',
    help: 'HTTP requests served by this api process, by method, route template and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  })
  for (const outcome of HEARTBEAT_OUTCOMES) heartbeats.inc({ outcome }, 0)
  eventStreamClients.set(0)
  registerFleetGauges(registry, db)
  const queues = registerQueueGauges(registry, redis, redisPrefix)

  return {
    registry,
    /** One written batch of heartbeats, each with its own result. */
    observeHeartbeats(settled: HeartbeatSettlement[]) {
      heartbeatBatchSize.observe(settled.length)
      // Counted per outcome, then added once each: a labelled increment hashes its labels.
      const counts = new Map<string, number>()
      for (const s of settled) {
        const outcome = s.status === 'fulfilled' ? s.value.kind : 'failed'
        counts.set(outcome, (counts.get(outcome) ?? 0) + 1)
      }
      for (const [outcome, count] of counts) heartbeats.inc({ outcome }, count)
    },
    /** A browser's event stream opened; call what it returns when the stream ends. */
    eventStreamOpened(): () => void {
      eventStreamClients.inc()
      return () => eventStreamClients.dec()
    },
    observeRequest(labels: { method: string; route: string; status: number }, seconds: number) {
      httpDuration.observe({ ...labels, status: String(labels.status) }, seconds)
    },
    close: () => queues.close(),
  }
}

export type ApiMetrics = ReturnType<typeof createApiMetrics>
