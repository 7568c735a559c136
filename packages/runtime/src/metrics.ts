import { createHash, timingSafeEqual } from 'node:crypto'
import { collectDefaultMetrics, Registry } from 'prom-client'
import { z } from 'zod'
import { envOptionalString } from './config.ts'

/**
 * A process's own metrics registry, with Node's process metrics (CPU, memory, event loop lag, GC)
 * under their standard names. Never prom-client's global one: tests run several apps in one process.
 */
export function createMetricsRegistry(): Registry {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry })
  return registry
}

/** Settings the api (`/metrics`) and the worker (its metrics port) share. */
export const metricsConfigShape = {
  /**
   * A bearer token Prometheus sends to scrape the api's `/metrics` and the worker's metrics port
   * (where viewer credentials are also accepted); a secret, never logged.
   */
  METRICS_TOKEN: envOptionalString().pipe(z.string().min(16, 'at least 16 characters').optional()),
}

const digest = (value: string) => createHash('sha256').update(value).digest()

/** Whether `authorization` is `Bearer <token>`, compared in constant time. */
export function bearerMatches(authorization: string | undefined, token: string): boolean {
  const presented = authorization?.match(/^Bearer\s+(\S+)\s*$/i)?.[1]
  return presented !== undefined && timingSafeEqual(digest(presented), digest(token))
}
