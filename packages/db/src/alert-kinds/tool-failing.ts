import { sql } from 'drizzle-orm'
import type { AlertKind } from './alert-kind.ts'

// Over the partial index of failed calls (tool_id, ended_at).
const failuresInWindow = sql`(select count(*) from gateway_tool_calls c
  where c.tool_id = s.id and not c.ok
    and c.ended_at > now() - make_interval(secs => (r.params->>'window_s')::int))`

/** At least `failures` failed calls of a tool within `window_s`; it clears once the window holds fewer. */
export const toolFailing: AlertKind = {
  kind: 'tool_failing',
  subject: 'tool',
  opensOn: ['tool_calls'],
  resolvesOn: ['tool_calls', 'tick'],
  catchUp: sql`select distinct c.tool_id as id from gateway_tool_calls c
    where not c.ok and c.ended_at > now() - make_interval(secs => (r.params->>'window_s')::int)`,
  opensWhen: sql`${failuresInWindow} >= (r.params->>'failures')::int`,
  resolvesWhen: sql`${failuresInWindow} < (r.params->>'failures')::int`,
  summary: sql`s.name || ' is failing: ' || ${failuresInWindow} || ' failed calls in '
    || ((r.params->>'window_s')::int / 60) || ' min'`,
}
