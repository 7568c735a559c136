import { sql } from 'drizzle-orm'
import type { Database } from '../client.ts'
import { timestampParam } from './timestamp-param.ts'

/** How many remote addresses a gateway's report lists: the ones with most failures. */
export const AUTH_FAILURE_ADDRESSES = 100

export interface AuthFailureAddressRow {
  address: string
  count: number
  /** The reason of the address's latest failure. */
  reason: string
  lastAt: Date
}

export interface AuthFailureReport {
  total: number
  byAddress: AuthFailureAddressRow[]
}

// Failures are kept per minute: a window counts the whole minute it begins in.
const fromMinute = (since: Date) => sql`date_trunc('minute', ${timestampParam(since)})`

/**
 * A gateway's failed handshakes since `since`: their total, and per remote address (at most
 * AUTH_FAILURE_ADDRESSES, most failures first) how many, the latest reason and when.
 */
export async function authFailureReport(
  db: Database,
  gatewayId: number,
  since: Date,
): Promise<AuthFailureReport> {
  const rows = await db.execute<{
    address: string
    count: number
    reason: string
    last_at: string | Date
    total: number
  }>(sql`
    select address, sum(count)::int as count, (array_agg(reason order by last_at desc))[1] as reason,
      max(last_at) as last_at, (sum(sum(count)) over ())::int as total
    from gateway_auth_failures
    where gateway_id = ${gatewayId} and minute >= ${fromMinute(since)}
    group by address
    order by count desc, last_at desc, address
    limit ${AUTH_FAILURE_ADDRESSES}`)
  return {
    total: rows[0]?.total ?? 0,
    byAddress: rows.map((row) => ({
      address: row.address,
      count: row.count,
      reason: row.reason,
      lastAt: new Date(row.last_at),
    })),
  }
}

/** Failed handshakes logged by every gateway since `since`. */
export async function fleetAuthFailures(db: Database, since: Date): Promise<number> {
  const [row] = await db.execute<{ total: number }>(sql`
    select coalesce(sum(count), 0)::int as total from gateway_auth_failures where minute >= ${fromMinute(since)}`)
  return row?.total ?? 0
}
