import type { LogFormat, Logger } from '@mc/runtime'
import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from './app-env.ts'

/**
 * Gives each request a logger tagged with its id (made on first use: most requests never log but
 * their line) and logs one line when it ends. Only the path is logged: query strings and bodies
 * may carry secrets. A person reading the console (`pretty`) wants warnings and errors, not a line
 * per request: there API requests log at debug.
 */
export function requestLogger(logger: Logger, format: LogFormat): MiddlewareHandler<AppEnv> {
  const apiRequestLevel = format === 'pretty' ? 'debug' : 'info'
  return async (c, next) => {
    const started = performance.now()
    let log: Logger | undefined
    c.set('log', () => {
      log ??= logger.child({ request_id: c.get('requestId') })
      return log
    })
    await next()
    const status = c.res.status
    const path = c.req.path
    const level = status >= 500 ? 'error' : path.startsWith('/api/') ? apiRequestLevel : 'debug'
    if (!logger.isLevelEnabled(level)) return
    const line = {
      request_id: c.get('requestId'),
      method: c.req.method,
      path,
      status,
      duration_ms: Math.round(performance.now() - started),
    }
    logger[level](line, status >= 500 ? 'request failed' : 'request')
  }
}
