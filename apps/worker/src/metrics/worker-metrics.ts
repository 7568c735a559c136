import { createMetricsRegistry } from '@mc/runtime'
import { type ProbeStatus, probeStatusSchema } from '@mc/shared'
import { Counter, Histogram, type Registry } from 'prom-client'

/**
 * The worker's metrics: what its probes found and how long they took, how long expiry sweeps take,
 * and its process. Per-gateway and fleet-wide series come from the api's `/metrics` (read from
 * Postgres), so any number of workers add up without duplicates.
 */
export function createWorkerMetrics() {
  const registry: Registry = createMetricsRegistry()
  const probes = new Counter({
    name: 'mc_probes_total',
    help: 'Gateway probes run by this worker, by result',
    labelNames: ['result'] as const,
    registers: [registry],
  })
  const probeDuration = new Histogram({
    name: 'mc_probe_duration_seconds',
    help: 'How long a gateway probe took, from its start to its reading, by result',
    labelNames: ['result'] as const,
    // Healthy handshakes take milliseconds; timeouts end at PROBE_TIMEOUT_MS (5 s by default).
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    registers: [registry],
  })
  const expirySweepDuration = new Histogram({
    name: 'mc_expiry_sweep_duration_seconds',
    help: 'How long one sweep expiring CLI connections without heartbeats took',
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  })
  // Every result is shown from the start, at zero: a rate over a series that appears later misses its first step.
  for (const result of probeStatusSchema.options) {
    probes.inc({ result }, 0)
    probeDuration.zero({ result })
  }
  return {
    registry,
    observeProbe(result: ProbeStatus, seconds: number) {
      probes.inc({ result })
      probeDuration.observe({ result }, seconds)
    },
    observeExpirySweep(seconds: number) {
      expirySweepDuration.observe(seconds)
    },
  }
}

export type WorkerMetrics = ReturnType<typeof createWorkerMetrics>
