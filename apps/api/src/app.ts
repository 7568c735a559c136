import { Hono } from 'hono'
import type { AppDeps, RouteDeps } from './app-deps.ts'
import { createApiKeyCache } from './auth/api-key-cache.ts'
import { createAuthenticator } from './auth/authenticate.ts'
import { authorize } from './auth/authorize.ts'
import { createAuthLimiters } from './auth/rate-limits.ts'
import type { AppEnv } from './http/app-env.ts'
import { errorHandler, notFoundHandler } from './http/error-handler.ts'
import { limitBodySize } from './http/limits.ts'
import { requestLogger } from './http/request-logger.ts'
import type { RouteDef } from './http/route.ts'
import { byPrecedence, staticPathGuards, unmatchedHandler } from './http/route-table.ts'
import { standardHeaders } from './http/standard-headers.ts'
import { rejectUndecodableUrl } from './http/url-encoding.ts'
import { httpMetrics } from './metrics/http-metrics.ts'
import { buildOpenApiDocument, type OpenApiDocument } from './openapi/document.ts'
import { apiRoutes } from './routes/index.ts'
import { rootRoutes } from './routes/root.ts'
import { spaRoutes } from './static/spa.ts'
import { API_VERSION } from './version.ts'

/** Route lists built only to be read (tests listing the routes) serve no document. */
const noDocument = (): OpenApiDocument => {
  throw new Error('the OpenAPI document is built by createApp, from the routes it mounts')
}

/** The app-wide auth machinery, added to the process's dependencies for the routes. */
export function createRouteDeps(deps: AppDeps, openApiDocument = noDocument): RouteDeps {
  const limiters = createAuthLimiters(deps.redis, deps.config.REDIS_PREFIX)
  const keyCache = createApiKeyCache()
  return {
    ...deps,
    limiters,
    keyCache,
    authenticate: createAuthenticator({ db: deps.db, config: deps.config, limiters, keyCache }),
    openApiDocument,
  }
}

/** Routes mounted together: each behind `authorize`, with 405s for a known path's other methods. */
function routeGroup(routes: RouteDef[], routeDeps: RouteDeps) {
  const group = new Hono<AppEnv>()
  const ordered = byPrecedence(routes)
  for (const guard of staticPathGuards(ordered)) group.on(guard.methods, guard.path, guard.handler)
  for (const route of ordered) {
    group.on(
      route.method,
      route.path,
      // Before anything reads a parameter (the API also refuses such paths when nothing matches).
      rejectUndecodableUrl,
      authorize(route.access, route.authenticate ?? routeDeps.authenticate, routeDeps.config.TRUST_PROXY),
      route.handler,
    )
  }
  return { group, ordered }
}

/**
 * The whole HTTP surface: `/api/*` JSON routes, the root's few fixed paths (`rootRoutes`), each
 * behind `authorize`, then the SPA for everything else.
 */
export function createApp(deps: AppDeps) {
  // The OpenAPI document describes every route, the one serving it too, so the routes get it as a
  // thunk: first called by a request, once the lists below exist; then kept for the process.
  let document: OpenApiDocument | undefined
  const routeDeps = createRouteDeps(deps, () => {
    document ??= buildOpenApiDocument(
      [
        { prefix: '/api', routes: apiList },
        { prefix: '', routes: rootList },
      ],
      API_VERSION,
    )
    return document
  })
  const apiList = apiRoutes(routeDeps)
  const rootList = rootRoutes(routeDeps)
  const api = new Hono<AppEnv>().use(rejectUndecodableUrl).use(limitBodySize(deps.config.BODY_LIMIT_BYTES))
  const apiGroup = routeGroup(apiList, routeDeps)
  api.route('/', apiGroup.group)
  api.all('*', unmatchedHandler(apiGroup.ordered, '/api'))
  const root = routeGroup(rootList, routeDeps)

  const app = new Hono<AppEnv>()
    .use(standardHeaders())
    .use(requestLogger(deps.logger, deps.config.LOG_FORMAT))
    .use(httpMetrics(deps.metrics))
    .route('/api', api)
    .route('/', root.group)
    .route('/', spaRoutes(deps.config.WEB_DIST_DIR))

  app.onError(errorHandler)
  app.notFound(notFoundHandler)
  return app
}

export type App = ReturnType<typeof createApp>
