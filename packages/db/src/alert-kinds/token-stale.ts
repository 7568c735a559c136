import { sql } from 'drizzle-orm'
import type { AlertKind } from './alert-kind.ts'

/** The token is older than the evaluating process's TOKEN_MAX_AGE_DAYS (the gateway row's `token_max_age_days`). */
const tokenIsStale = sql`(s.token is not null
  and s.token_set_at < now() - make_interval(days => s.token_max_age_days))`

/**
 * A gateway token kept past its maximum age. Probes see it age; a rotation (or an admin setting
 * a new token) clears it at once, and the tick clears it for a gateway that is no longer probed.
 */
export const tokenStale: AlertKind = {
  kind: 'token_stale',
  subject: 'gateway',
  opensOn: ['probe'],
  resolvesOn: ['probe', 'tick', 'token'],
  opensWhen: tokenIsStale,
  resolvesWhen: sql`${tokenIsStale} is not true`,
  summary: sql`s.name || '''s token is ' || extract(day from now() - s.token_set_at)::int
    || ' days old (at most ' || s.token_max_age_days || '): rotate it'`,
}
