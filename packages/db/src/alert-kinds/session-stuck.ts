import { sql } from 'drizzle-orm'
import type { AlertKind } from './alert-kind.ts'
import { sessionSince } from './session-since.ts'

/**
 * A session whose run has had no update for its gateway's stuck threshold (the worker keeps
 * `state`). It clears when the run moves on or finishes, or the session ends; the tick resolves it
 * once the session is gone.
 */
export const sessionStuck: AlertKind = {
  kind: 'session_stuck',
  subject: 'session',
  opensOn: ['session'],
  resolvesOn: ['session', 'tick'],
  opensWhen: sql`s.state = 'stuck'`,
  resolvesWhen: sql`s.state <> 'stuck'`,
  catchUp: sql`select x.id from gateway_sessions x where x.state = 'stuck'`,
  summary: sql`'session ' || s.session_name || ' on ' || s.gateway_name || ' is stuck: its run'
    || coalesce(' (' || s.run_status || ')', '') || ' has had no update since ' || ${sessionSince}`,
}
