import { sql } from 'drizzle-orm'
import type { AlertKind } from './alert-kind.ts'
import { sessionSince } from './session-since.ts'

/**
 * A session with no activity for its gateway's idle threshold (the worker keeps `state`). It clears
 * when the session is used again or ends; the tick resolves it once the session is gone.
 */
export const sessionIdle: AlertKind = {
  kind: 'session_idle',
  subject: 'session',
  opensOn: ['session'],
  resolvesOn: ['session', 'tick'],
  opensWhen: sql`s.state = 'idle'`,
  resolvesWhen: sql`s.state <> 'idle'`,
  catchUp: sql`select x.id from gateway_sessions x where x.state = 'idle'`,
  summary: sql`'session ' || s.session_name || ' on ' || s.gateway_name || ' has been idle since '
    || ${sessionSince}`,
}
