import type { LogFormat, Logger } from '@mc/runtime'
import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from './app-env.ts'

/**
 * Gives each request a child logger tagged with its id and logs one line when it ends. Only the
 * path is logged: query strings and bodies may carry secrets. A person reading the console
 * (`pretty`) wants warnings and errors, not a line per request: there API requests log at debug.
 */
export function requestLogger(logger: Logger, format: LogFormat): MiddlewareHandler<AppEnv> {
  const apiRequestLevel = format === 'pretty' ? 'debug' : 'info'
  return async (c, next) => {
    const started = performance.now()
    const log = logger.child({ request_id: c.var.requestId })
    c.set('log', log)
    await next()
    const status = c.res.status
    const line = {
      method: c.req.method,
      path: c.req.path,
      status,
      duration_ms: Math.round(performance.now() - started),
    }
    if (status >= 500) log.error(line, 'request failed')
    else if (c.req.path.startsWith('/api/')) log[apiRequestLevel](line, 'request')
    else log.debug(line, 'request')
  }
}
