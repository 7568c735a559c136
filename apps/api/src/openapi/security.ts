import type { Access } from '../auth/authorize.ts'
import { SIGN_IN_COOKIE } from '../auth/sign-in-cookie.ts'
import type { RouteDoc, SecuritySchemeName } from '../http/route.ts'

/** How a caller may prove who it is (see auth/authenticate.ts); a key is taken in either header. */
export const securitySchemes: Record<SecuritySchemeName, Record<string, unknown>> = {
  apiKey: {
    type: 'apiKey',
    in: 'header',
    name: 'x-api-key',
    description: 'An API key (`POST /api/keys`), or the MC_API_KEY setting.',
  },
  bearerApiKey: {
    type: 'http',
    scheme: 'bearer',
    description: 'The same API key, sent as `Authorization: Bearer <key>`.',
  },
  signInCookie: {
    type: 'apiKey',
    in: 'cookie',
    name: SIGN_IN_COOKIE,
    description:
      'The session cookie `POST /api/auth/login` sets. Requests that change something must also be same-origin.',
  },
  metricsToken: {
    type: 'http',
    scheme: 'bearer',
    description: 'METRICS_TOKEN, when it is set, for Prometheus scraping /metrics.',
  },
}

const ROLE_CREDENTIALS: SecuritySchemeName[] = ['apiKey', 'bearerApiKey', 'signInCookie']

/** The operation's `security`: any one of the listed schemes suffices; none for a public route. */
export function securityOf(access: Access, doc: RouteDoc): Record<string, string[]>[] | undefined {
  const schemes = doc.security ?? (access === 'public' ? [] : ROLE_CREDENTIALS)
  return schemes.length === 0 ? undefined : schemes.map((name) => ({ [name]: [] }))
}

/** The sentence a reader of the reference sees about who may call the route. */
export function accessSentence(access: Access): string {
  return access === 'public'
    ? 'Public: no credentials needed.'
    : `Requires the \`${access}\` role or a higher one, by API key or signed-in session.`
}
