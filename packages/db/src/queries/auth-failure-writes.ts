import { sql } from 'drizzle-orm'
import type { Database } from '../client.ts'

/** A failed handshake a gateway logged (time in epoch ms). */
export interface AuthFailureInput {
  at: number
  address: string
  reason: string
}

/**
 * Counts failed handshakes per minute, address and reason, adding to what a minute already has
 * (a log read in several pages); `last_at` is the latest failure. A gateway deleted meanwhile gets
 * nothing (and 0 is returned). Returns how many failures were counted.
 */
export async function recordAuthFailures(
  db: Database,
  gatewayId: number,
  failures: AuthFailureInput[],
): Promise<number> {
  if (failures.length === 0) return 0
  const rows = await db.execute(sql`
    insert into gateway_auth_failures as f (gateway_id, minute, address, reason, count, last_at)
    select g.id, date_trunc('minute', to_timestamp(r.at / 1000.0)), r.address, r.reason, count(*),
      max(to_timestamp(r.at / 1000.0))
    from jsonb_to_recordset(${JSON.stringify(failures)}::jsonb) as r(at float8, address text, reason text)
    join gateways g on g.id = ${gatewayId}
    group by 1, 2, 3, 4
    on conflict (gateway_id, minute, address, reason) do update
      set count = f.count + excluded.count, last_at = greatest(f.last_at, excluded.last_at)
    returning 1`)
  return rows.length > 0 ? failures.length : 0
}
