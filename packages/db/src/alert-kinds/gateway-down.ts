import { sql } from 'drizzle-orm'
import type { AlertKind } from './alert-kind.ts'

/** Not online for `after_failures` consecutive probes, or (with `after_s`) for that long. */
export const gatewayDown: AlertKind = {
  kind: 'gateway_down',
  subject: 'gateway',
  opensOn: ['probe'],
  resolvesOn: ['probe'],
  opensWhen: sql`s.consecutive_failures > 0 and (
    s.consecutive_failures >= (r.params->>'after_failures')::int
    or (r.params ? 'after_s'
      and coalesce(s.last_seen, s.created_at) <= now() - make_interval(secs => (r.params->>'after_s')::int)))`,
  resolvesWhen: sql`s.consecutive_failures = 0`,
  summary: sql`s.name || ' is down (' || s.status || ')' || coalesce(': ' || s.last_error, '')`,
}
