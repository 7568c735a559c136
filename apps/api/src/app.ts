import { Hono } from 'hono'
import { requestId } from 'hono/request-id'
import { secureHeaders } from 'hono/secure-headers'
import type { AppDeps, AppEnv } from './app-env.ts'
import { errorHandler, notFoundHandler } from './http/error-handler.ts'
import { limitBodySize } from './http/limits.ts'
import { requestLogger } from './http/request-logger.ts'
import { healthRoutes } from './routes/health.ts'
import { spaRoutes } from './static/spa.ts'

/** The whole HTTP surface: `/api/*` JSON routes, then the SPA for everything else. */
export function createApp(deps: AppDeps) {
  const api = new Hono<AppEnv>()
    .use(limitBodySize(deps.config.BODY_LIMIT_BYTES))
    .route('/health', healthRoutes(deps))
    .all('*', notFoundHandler)

  const app = new Hono<AppEnv>()
    .use(requestId())
    .use(requestLogger(deps.logger))
    .use(secureHeaders({ crossOriginEmbedderPolicy: false }))
    .route('/api', api)
    .route('/', spaRoutes(deps.config.WEB_DIST_DIR))

  app.onError(errorHandler)
  app.notFound(notFoundHandler)
  return app
}

export type App = ReturnType<typeof createApp>
