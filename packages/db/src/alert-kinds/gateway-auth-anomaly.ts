import { sql } from 'drizzle-orm'
import type { AlertKind } from './alert-kind.ts'

/**
 * The most failed handshakes the gateway logged in one minute, every remote address together, of
 * the current minute and the one before (the latest complete one): a minute that is still filling
 * up counts as soon as it crosses the threshold, and a burst stays counted until a whole minute
 * has passed under it.
 */
const failuresPerMinute = sql`(select coalesce(max(m.failures), 0) from (
    select sum(a.count) as failures from gateway_auth_failures a
    where a.gateway_id = s.id and a.minute >= date_trunc('minute', now()) - interval '1 minute'
    group by a.minute) m)`

/** Someone is guessing a token: at least `per_minute` failed handshakes in a minute. */
export const gatewayAuthAnomaly: AlertKind = {
  kind: 'gateway_auth_anomaly',
  subject: 'gateway',
  opensOn: ['auth_failures'],
  resolvesOn: ['auth_failures', 'tick'],
  catchUp: sql`select distinct a.gateway_id as id from gateway_auth_failures a
    where a.minute >= date_trunc('minute', now()) - interval '1 minute'`,
  opensWhen: sql`${failuresPerMinute} >= (r.params->>'per_minute')::int`,
  resolvesWhen: sql`${failuresPerMinute} < (r.params->>'per_minute')::int`,
  summary: sql`s.name || ' refused ' || ${failuresPerMinute}
    || ' connection attempts in a minute (failed authentication)'`,
}
