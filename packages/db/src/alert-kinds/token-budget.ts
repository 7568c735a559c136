import { sql } from 'drizzle-orm'
import type { AlertKind } from './alert-kind.ts'

const usedInWindow = sql`(select coalesce(sum(u.input_tokens + u.output_tokens), 0) from token_usage u
  where u.agent_id = s.id and u.recorded_at >= date_trunc(r.params->>'window', now()))`

/** An agent used more than `tokens` since the start of the day or month (database time zone). */
export const tokenBudget: AlertKind = {
  kind: 'token_budget',
  subject: 'agent',
  opensOn: ['usage'],
  resolvesOn: ['tick'],
  opensWhen: sql`${usedInWindow} > (r.params->>'tokens')::bigint`,
  resolvesWhen: sql`${usedInWindow} <= (r.params->>'tokens')::bigint`,
  summary: sql`'agent ' || s.name || ' used ' || ${usedInWindow} || ' tokens this ' || (r.params->>'window')
    || ' (budget ' || (r.params->>'tokens') || ')'`,
}
