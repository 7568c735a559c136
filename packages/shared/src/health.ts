import { z } from 'zod'

export const dependencyCheckSchema = z.object({
  ok: z.boolean(),
  latency_ms: z.number().int().nullable(),
  error: z.string().optional(),
})
export type DependencyCheck = z.infer<typeof dependencyCheckSchema>

export const workerCheckSchema = z.object({
  ok: z.boolean(),
  /** Workers that reported within the freshness window. */
  alive: z.number().int(),
  /** Unix seconds of the most recent worker heartbeat, null when none was ever seen. */
  last_seen: z.number().int().nullable(),
  age_s: z.number().int().nullable(),
})
export type WorkerCheck = z.infer<typeof workerCheckSchema>

export const schedulesCheckSchema = z.object({
  ok: z.boolean(),
  /** Scheduled queues without their job scheduler in Redis: nothing starts those jobs now. */
  missing: z.array(z.string()),
})
export type SchedulesCheck = z.infer<typeof schedulesCheckSchema>

/**
 * `GET /api/health`. `ok`: everything fine; `degraded`: serving, but no fresh worker or a job
 * schedule missing (probes and sweeps are not running); `down`: Postgres or Redis unreachable (HTTP 503).
 */
export const healthResponseSchema = z.object({
  status: z.enum(['ok', 'degraded', 'down']),
  version: z.string(),
  uptime_s: z.number().int(),
  checks: z.object({
    db: dependencyCheckSchema,
    redis: dependencyCheckSchema,
    worker: workerCheckSchema,
    schedules: schedulesCheckSchema,
  }),
})
export type HealthResponse = z.infer<typeof healthResponseSchema>
