import { pingDatabase } from '@mc/db'
import { missingJobSchedulers, readWorkerFreshness } from '@mc/runtime'
import {
  type DependencyCheck,
  errorMessage,
  type HealthResponse,
  healthResponseSchema,
  type SchedulesCheck,
  type WorkerCheck,
} from '@mc/shared'
import type { RouteDeps } from '../app-deps.ts'
import type { RouteDef } from '../http/route.ts'
import { withTimeout } from '../http/with-timeout.ts'
import { API_VERSION } from '../version.ts'

const CHECK_TIMEOUT_MS = 2000

type HealthDeps = Pick<RouteDeps, 'db' | 'redis' | 'config' | 'startedAt'>

async function check(run: () => Promise<unknown>, what: string): Promise<DependencyCheck> {
  const started = performance.now()
  try {
    await withTimeout(run(), CHECK_TIMEOUT_MS, what)
    return { ok: true, latency_ms: Math.round(performance.now() - started) }
  } catch (error) {
    return { ok: false, latency_ms: null, error: errorMessage(error) }
  }
}

async function workerCheck(deps: HealthDeps): Promise<WorkerCheck> {
  try {
    const freshness = await withTimeout(
      readWorkerFreshness(deps.redis, deps.config.REDIS_PREFIX),
      CHECK_TIMEOUT_MS,
      'redis',
    )
    return {
      ok: freshness.alive > 0,
      alive: freshness.alive,
      last_seen: freshness.lastSeen,
      age_s: freshness.ageS,
    }
  } catch {
    return { ok: false, alive: 0, last_seen: null, age_s: null }
  }
}

async function schedulesCheck(deps: HealthDeps): Promise<SchedulesCheck> {
  try {
    const missing = await withTimeout(
      missingJobSchedulers(deps.redis, deps.config.REDIS_PREFIX),
      CHECK_TIMEOUT_MS,
      'redis',
    )
    return { ok: missing.length === 0, missing }
  } catch {
    return { ok: false, missing: [] }
  }
}

/**
 * Liveness and readiness: 200 while Postgres and Redis answer (a missing worker or job schedule
 * only degrades: the API still serves), 503 otherwise.
 */
export function healthRoutes(deps: HealthDeps): RouteDef[] {
  return [
    {
      method: 'GET',
      path: '/health',
      access: 'public',
      doc: {
        summary: 'Check health',
        description:
          'Liveness and readiness, never cached: 200 while Postgres and Redis answer (`degraded` ' +
          'when no worker reported in recently or a job schedule is missing from Redis: the API ' +
          'still serves), 503 with the same body when either does not (`down`).',
        responses: { 200: healthResponseSchema, 503: healthResponseSchema },
      },
      handler: async (c) => {
        const [db, redis, worker, schedules] = await Promise.all([
          check(() => pingDatabase(deps.db), 'postgres'),
          check(() => deps.redis.ping(), 'redis'),
          workerCheck(deps),
          schedulesCheck(deps),
        ])
        const status = !db.ok || !redis.ok ? 'down' : worker.ok && schedules.ok ? 'ok' : 'degraded'
        const response: HealthResponse = {
          status,
          version: API_VERSION,
          uptime_s: Math.floor((Date.now() - deps.startedAt.getTime()) / 1000),
          checks: { db, redis, worker, schedules },
        }
        c.header('cache-control', 'no-store')
        return c.json(response, status === 'down' ? 503 : 200)
      },
    },
  ]
}
