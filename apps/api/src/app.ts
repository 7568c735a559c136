import { Hono } from 'hono'
import { requestId } from 'hono/request-id'
import { secureHeaders } from 'hono/secure-headers'
import type { AppDeps, RouteDeps } from './app-deps.ts'
import { createApiKeyCache } from './auth/api-key-cache.ts'
import { createAuthenticator } from './auth/authenticate.ts'
import { authorize } from './auth/authorize.ts'
import { createAuthLimiters } from './auth/rate-limits.ts'
import type { AppEnv } from './http/app-env.ts'
import { errorHandler, notFoundHandler } from './http/error-handler.ts'
import { limitBodySize } from './http/limits.ts'
import { requestLogger } from './http/request-logger.ts'
import { byPrecedence, staticPathGuards, unmatchedHandler } from './http/route-table.ts'
import { rejectUndecodableUrl } from './http/url-encoding.ts'
import { apiRoutes } from './routes/index.ts'
import { spaRoutes } from './static/spa.ts'

/** The app-wide auth machinery, added to the process's dependencies for the routes. */
export function createRouteDeps(deps: AppDeps): RouteDeps {
  const limiters = createAuthLimiters(deps.redis, deps.config.REDIS_PREFIX)
  const keyCache = createApiKeyCache()
  return {
    ...deps,
    limiters,
    keyCache,
    authenticate: createAuthenticator({ db: deps.db, config: deps.config, limiters, keyCache }),
  }
}

/** The whole HTTP surface: `/api/*` JSON routes, each behind `authorize`, then the SPA for everything else. */
export function createApp(deps: AppDeps) {
  const routeDeps = createRouteDeps(deps)
  const api = new Hono<AppEnv>().use(rejectUndecodableUrl).use(limitBodySize(deps.config.BODY_LIMIT_BYTES))
  const routes = byPrecedence(apiRoutes(routeDeps))
  for (const guard of staticPathGuards(routes)) api.on(guard.methods, guard.path, guard.handler)
  for (const route of routes) {
    api.on(
      route.method,
      route.path,
      authorize(route.access, routeDeps.authenticate, deps.config.TRUST_PROXY),
      route.handler,
    )
  }
  api.all('*', unmatchedHandler(routes, '/api'))

  const app = new Hono<AppEnv>()
    .use(requestId())
    .use(requestLogger(deps.logger, deps.config.LOG_FORMAT))
    .use(secureHeaders({ crossOriginEmbedderPolicy: false }))
    .route('/api', api)
    .route('/', spaRoutes(deps.config.WEB_DIST_DIR))

  app.onError(errorHandler)
  app.notFound(notFoundHandler)
  return app
}

export type App = ReturnType<typeof createApp>
