import { bearerMatches } from '@mc/runtime'
import type { Authenticated, Authenticator } from '../auth/authenticate.ts'

const METRICS_TOKEN_HOLDER: Authenticated = {
  principal: { kind: 'env_key', id: null, name: 'METRICS_TOKEN', role: 'viewer' },
  credential: 'api_key',
}

/**
 * Who may scrape `/metrics`: Prometheus with METRICS_TOKEN as its bearer token (a viewer, and only
 * on this route), else anyone the app's own authenticator admits. The token is checked first and in
 * constant time; a wrong one then goes through the usual key check, counted and audited as any.
 */
export function withMetricsToken(authenticate: Authenticator, token: string | undefined): Authenticator {
  if (token === undefined) return authenticate
  return async (c) =>
    bearerMatches(c.req.header('authorization'), token) ? METRICS_TOKEN_HOLDER : authenticate(c)
}
