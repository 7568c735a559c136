import type { Context } from 'hono'
import { HttpError } from '../http/http-error.ts'
import { fromTrustedProxy } from './client-ip.ts'
import type { TrustedProxies } from './trusted-proxies.ts'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * CSRF protection for cookie-authenticated changes: the browser's Origin (or Sec-Fetch-Site) must
 * say the request comes from this site. SameSite=Strict cookies are the first line; this is the second.
 */
export function assertSameOrigin(c: Context, trustProxy: TrustedProxies): void {
  if (SAFE_METHODS.has(c.req.method)) return
  assertFromThisSite(c, trustProxy)
}

/**
 * The same check whatever the method: a WebSocket upgrade is a GET, yet a page on another site
 * could open one with the user's cookie (WebSockets are not bound by CORS).
 */
export function assertFromThisSite(c: Context, trustProxy: TrustedProxies): void {
  const fetchSite = c.req.header('sec-fetch-site')
  if (fetchSite === 'same-origin') return
  const origin = c.req.header('origin')
  const host =
    (fromTrustedProxy(c, trustProxy) && c.req.header('x-forwarded-host')) || new URL(c.req.url).host
  if (origin) {
    try {
      if (new URL(origin).host === host) return
    } catch {
      // malformed Origin: refuse below
    }
  }
  throw new HttpError(
    403,
    'cross-site request refused: send it from the Mission Control web app, or use an API key',
  )
}
