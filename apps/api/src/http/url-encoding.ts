import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from './app-env.ts'
import { HttpError } from './http-error.ts'

/**
 * A path or query whose percent-encoding is malformed (`%`, `%zz`, `%ff` is not UTF-8) or encodes
 * NUL is refused before any handler reads it: Hono passes such text on half-decoded, and Postgres
 * cannot store NUL. Decoded, every path parameter and query value is then text Postgres can store.
 * Not async: it runs on every request, twice for a route, and a refusal is thrown all the same.
 */
export const rejectUndecodableUrl: MiddlewareHandler<AppEnv> = (c, next) => {
  if (!c.req.url.includes('%')) return next()
  const { pathname, search } = new URL(c.req.url)
  for (const [part, raw] of [
    ['path', pathname],
    ['query', search.replaceAll('+', ' ')],
  ] as const) {
    let decoded: string
    try {
      decoded = decodeURIComponent(raw)
    } catch {
      throw new HttpError(400, `malformed percent-encoding in the ${part}`)
    }
    if (decoded.includes('\u0000')) {
      throw new HttpError(400, `the ${part} contains NUL (%00), which cannot be stored`)
    }
  }
  return next()
}
