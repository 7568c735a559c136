import type { MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import type { AppEnv } from './app-env.ts'

/**
 * Refuses bodies over `maxBytes` with a 413. A body with a Content-Length is judged by the header
 * alone, without touching `c.req.raw.body`: that getter turns @hono/node-server's lightweight
 * request into a full web Request (an AbortController and a web stream per request), which cost the
 * heartbeat route a fifth of its CPU; untouched, `c.req.text()` reads the socket directly. Only a
 * chunked body, whose size is known once read, goes through Hono's streaming check. (Node refuses
 * a request that has both headers, and reads no more than the Content-Length it was given.)
 */
export function limitBodySize(maxBytes: number): MiddlewareHandler<AppEnv> {
  const refuse: Parameters<typeof bodyLimit>[0]['onError'] = (c) =>
    c.json({ error: 'request body too large', details: { limit_bytes: maxBytes } }, 413)
  const chunked = bodyLimit({ maxSize: maxBytes, onError: refuse })
  return (c, next) => {
    if (c.req.header('transfer-encoding') !== undefined) return chunked(c, next)
    // Without either header an HTTP/1.1 request has no body.
    if (Number(c.req.header('content-length') ?? 0) > maxBytes) return Promise.resolve(refuse(c))
    return next()
  }
}
