import { isDatabaseUnavailable } from '@mc/db'
import type { ApiError } from '@mc/shared'
import type { Context, ErrorHandler, NotFoundHandler } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { AppEnv } from './app-env.ts'
import { HttpError } from './http-error.ts'

function body(error: string, details?: unknown): ApiError {
  return details === undefined ? { error } : { error, details }
}

/** Every failure leaves as `{ error, details? }`; unexpected ones are logged and never leak internals. */
export const errorHandler: ErrorHandler<AppEnv> = (err, c) => {
  if (err instanceof HttpError) {
    for (const [name, value] of Object.entries(err.headers)) c.header(name, value)
    return c.json(body(err.message, err.details), err.status)
  }
  if (err instanceof HTTPException) {
    return c.json(body(err.message || 'request failed'), err.status)
  }
  if (isDatabaseUnavailable(err)) {
    // Postgres is down or overwhelmed, not this request at fault: the caller should retry. Only
    // the driver's reason is logged: drizzle's own message carries the query's parameters.
    const reason = (err.cause instanceof Error ? err.cause : err).message
    c.get('log')().warn({ reason }, 'database unavailable')
    return c.json(body('database unavailable'), 503)
  }
  c.get('log')().error({ err }, 'unhandled error')
  return c.json(body('internal error', { request_id: c.get('requestId') }), 500)
}

export const notFoundHandler: NotFoundHandler<AppEnv> = (c: Context<AppEnv>) =>
  c.json(body(`no such endpoint: ${c.req.method} ${c.req.path}`), 404)
