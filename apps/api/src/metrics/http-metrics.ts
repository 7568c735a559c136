import type { MiddlewareHandler } from 'hono'
import { matchedRoutes } from 'hono/route'
import type { AppEnv } from '../http/app-env.ts'
import type { ApiMetrics } from './api-metrics.ts'

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'])

/**
 * The route a request reached, as its template (`/api/gateways/:id`), never the path: labels stay
 * bounded whatever callers send. A request that reached only middleware or a catch-all fallback
 * (an unknown `/api` path, a method nobody serves) is `unmatched`.
 */
function routeLabel(c: Parameters<MiddlewareHandler<AppEnv>>[0]): string {
  const reached = matchedRoutes(c)[c.req.routeIndex]
  return !reached || reached.method === 'ALL' ? 'unmatched' : reached.path
}

/** Times every request into `mc_http_request_duration_seconds`. */
export function httpMetrics(metrics: Pick<ApiMetrics, 'observeRequest'>): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now()
    await next()
    metrics.observeRequest(
      {
        method: METHODS.has(c.req.method) ? c.req.method : 'other',
        route: routeLabel(c),
        status: c.res.status,
      },
      (performance.now() - started) / 1000,
    )
  }
}
