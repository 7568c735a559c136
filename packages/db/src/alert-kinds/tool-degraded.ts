import { sql } from 'drizzle-orm'
import type { AlertKind } from './alert-kind.ts'

/**
 * A tool whose p95 over the last hour is at least twice its p95 over the 7 days before
 * (`degradingTools`: the tool's row carries `recent_p95_ms` and `baseline_p95_ms` while it
 * degrades). It clears as the last hour speeds up, which the tick sees even when the tool is no
 * longer called.
 */
export const toolDegraded: AlertKind = {
  kind: 'tool_degraded',
  subject: 'tool',
  opensOn: ['tool_calls'],
  resolvesOn: ['tool_calls', 'tick'],
  // Only a tool called within the last hour can be degrading.
  catchUp: sql`select distinct c.tool_id as id from gateway_tool_calls c where c.ended_at >= now() - interval '1 hour'`,
  opensWhen: sql`s.recent_p95_ms is not null`,
  resolvesWhen: sql`s.recent_p95_ms is null`,
  summary: sql`s.name || ' is degrading: p95 ' || s.recent_p95_ms || ' ms over the last hour ('
    || s.recent_calls || ' calls), ' || s.baseline_p95_ms || ' ms over the 7 days before'`,
}
