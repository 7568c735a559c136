import { sql } from 'drizzle-orm'
import type { AlertKind } from './alert-kind.ts'

/**
 * Evaluated for the gateway the primary role just moved away from (or could not move away from,
 * for want of a healthy standby): it fires once per move, saying what happened and why.
 */
export const failover: AlertKind = {
  kind: 'failover',
  subject: 'gateway',
  opensOn: ['failover'],
  resolvesOn: [],
  opensWhen: sql`exists (select 1 from gateway_failovers f where f.from_id = s.id)`,
  resolvesWhen: sql`false`,
  summary: sql`(select case when f.to_id is null then f.reason
      else f.from_name || ' failed over to ' || f.to_name || ' (' || f.kind || '): ' || f.reason end
    from gateway_failovers f where f.from_id = s.id order by f.id desc limit 1)`,
}
