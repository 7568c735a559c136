import { type Role, roleAtLeast } from '@mc/shared'
import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from '../http/app-env.ts'
import { HttpError } from '../http/http-error.ts'
import type { Authenticator } from './authenticate.ts'
import { assertSameOrigin } from './same-origin.ts'
import type { TrustedProxies } from './trusted-proxies.ts'

/** Who may call a route: anyone, or an authenticated principal with at least this role. */
export type Access = 'public' | Role

/**
 * The one authorization step every route goes through, before its input is even parsed: 401
 * without valid credentials, 403 below the route's role, and same-origin only for cookie-authenticated
 * requests that change something (keys carry no ambient authority, so they need no CSRF check).
 */
export function authorize(
  access: Access,
  authenticate: Authenticator,
  trustProxy: TrustedProxies,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (access === 'public') return next()
    const { principal, credential } = await authenticate(c)
    if (credential === 'sign_in') assertSameOrigin(c, trustProxy)
    if (!roleAtLeast(principal.role, access)) {
      throw new HttpError(403, `requires the ${access} role (you are ${principal.role})`)
    }
    c.set('principal', principal)
    c.set('credential', credential)
    return next()
  }
}
