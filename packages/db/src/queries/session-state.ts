import { type SQL, sql } from 'drizzle-orm'

/** The worker's defaults; a gateway's own `session_idle_s` / `session_stuck_s` win over them. */
export interface SessionThresholds {
  idleS: number
  stuckS: number
}

/**
 * A session's state from its activity, run and the thresholds: SQL over `x` (anything with
 * `has_active_run` and `last_activity_at`) and `g` (its gateway). The one definition of the states,
 * used where sessions are written and where the sweep moves them as time passes.
 */
export function sessionStateSql(defaults: SessionThresholds): SQL {
  const idle = sql`make_interval(secs => coalesce(g.session_idle_s, ${defaults.idleS}::int))`
  const stuck = sql`make_interval(secs => coalesce(g.session_stuck_s, ${defaults.stuckS}::int))`
  return sql`(case
    when x.has_active_run then
      case when x.last_activity_at <= now() - ${stuck} then 'stuck' else 'active' end
    when x.last_activity_at <= now() - ${idle} then 'idle'
    else 'ready' end)::session_state`
}
