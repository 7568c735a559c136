import { sql } from 'drizzle-orm'
import type { AlertKind } from './alert-kind.ts'

const flipsInWindow = sql`(select count(*) from gateway_status_changes c
  where c.gateway_id = s.id and c.changed_at > now() - make_interval(secs => (r.params->>'window_s')::int))`

/** At least `flips` status changes within `window_s`; it clears once the window holds fewer. */
export const gatewayFlapping: AlertKind = {
  kind: 'gateway_flapping',
  subject: 'gateway',
  opensOn: ['probe'],
  resolvesOn: ['probe', 'tick'],
  opensWhen: sql`${flipsInWindow} >= (r.params->>'flips')::int`,
  resolvesWhen: sql`${flipsInWindow} < (r.params->>'flips')::int`,
  summary: sql`s.name || ' is flapping: ' || ${flipsInWindow} || ' status changes in '
    || ((r.params->>'window_s')::int / 60) || ' min'`,
}
