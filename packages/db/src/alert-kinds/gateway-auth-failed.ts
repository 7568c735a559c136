import { TOKEN_REJECTED_ERROR } from '@mc/shared'
import { sql } from 'drizzle-orm'
import type { AlertKind } from './alert-kind.ts'

/** The gateway answers but refuses our token: up, yet unmonitorable until the token is fixed. */
export const gatewayAuthFailed: AlertKind = {
  kind: 'gateway_auth_failed',
  subject: 'gateway',
  opensOn: ['probe'],
  resolvesOn: ['probe'],
  opensWhen: sql`s.consecutive_failures > 0 and s.last_error = ${TOKEN_REJECTED_ERROR}`,
  resolvesWhen: sql`s.last_error is distinct from ${TOKEN_REJECTED_ERROR}`,
  summary: sql`s.name || ' refuses our token: set the gateway''s current token in Mission Control'`,
}
