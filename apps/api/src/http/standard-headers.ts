import { randomUUID } from 'node:crypto'
import type { ServerResponse } from 'node:http'
import type { Context, MiddlewareHandler } from 'hono'
import type { AppEnv } from './app-env.ts'

/**
 * The security headers every answer carries: Hono's `secureHeaders()` defaults, with
 * Cross-Origin-Embedder-Policy off (badges and status pages are embedded elsewhere).
 */
export const SECURITY_HEADERS: readonly (readonly [string, string])[] = [
  ['Cross-Origin-Resource-Policy', 'same-origin'],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
  ['Origin-Agent-Cluster', '?1'],
  ['Referrer-Policy', 'no-referrer'],
  ['Strict-Transport-Security', 'max-age=15552000; includeSubDomains'],
  ['X-Content-Type-Options', 'nosniff'],
  ['X-DNS-Prefetch-Control', 'off'],
  ['X-Download-Options', 'noopen'],
  ['X-Frame-Options', 'SAMEORIGIN'],
  ['X-Permitted-Cross-Domain-Policies', 'none'],
  ['X-XSS-Protection', '0'],
]

const REQUEST_ID_HEADER = 'X-Request-Id'
/** A caller's own request id is kept when it is this plain (as Hono's requestId middleware does). */
const usableRequestId = (id: string | undefined): id is string =>
  id !== undefined && id.length > 0 && id.length <= 255 && !/[^\w\-=]/.test(id)

/** The Node response under @hono/node-server; absent under `app.request()` in tests. */
const nodeResponse = (c: Context): ServerResponse | undefined =>
  (c.env as { outgoing?: ServerResponse } | undefined)?.outgoing

/**
 * Gives each request its id (the caller's `X-Request-Id` when plain, else a new one) and puts it and
 * the security headers on the answer. On Node they are set on the ServerResponse before the handler
 * runs, and Node lays whatever the handler's Response sets over them, so a handler's own header wins
 * (a badge's Cross-Origin-Resource-Policy). Setting them on Hono's Response instead makes a web
 * Headers object for every request, which cost the heartbeat route about a fifth of its CPU.
 */
export function standardHeaders(): MiddlewareHandler<AppEnv> {
  // Not async: on Node the answer's headers are set before the handler runs, nothing waits after.
  return (c, next) => {
    const asked = c.req.header(REQUEST_ID_HEADER)
    const id = usableRequestId(asked) ? asked : randomUUID()
    c.set('requestId', id)
    const node = nodeResponse(c)
    if (node) {
      node.setHeader(REQUEST_ID_HEADER, id)
      for (const [name, value] of SECURITY_HEADERS) node.setHeader(name, value)
      return next()
    }
    c.header(REQUEST_ID_HEADER, id)
    return next().then(() => {
      for (const [name, value] of SECURITY_HEADERS)
        if (!c.res.headers.has(name)) c.res.headers.set(name, value)
    })
  }
}
