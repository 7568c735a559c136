import { eq, type SQL, sql } from 'drizzle-orm'
import type { Database } from '../client.ts'
import { gatewayEvents } from '../schema/gateway-events.ts'
import { type KeysetPage, keysetPage } from './keyset-page.ts'
import { timestampParam } from './timestamp-param.ts'

export type GatewayEvent = typeof gatewayEvents.$inferSelect

export interface GatewayEventFilters {
  /** The event type exactly, e.g. `agent:item`. */
  type?: string
  /** The session key exactly. */
  session?: string
  /** Only events at or after it. */
  since?: Date
  before?: number
  limit: number
}

/** One page of a gateway's kept events, newest first; `before` continues after an earlier page. */
export function listGatewayEvents(
  db: Database,
  gatewayId: number,
  filters: GatewayEventFilters,
): Promise<KeysetPage<GatewayEvent>> {
  const conditions: SQL[] = [eq(gatewayEvents.gatewayId, gatewayId)]
  if (filters.type !== undefined) conditions.push(eq(gatewayEvents.type, filters.type))
  if (filters.session !== undefined) conditions.push(eq(gatewayEvents.sessionKey, filters.session))
  if (filters.since !== undefined)
    conditions.push(sql`${gatewayEvents.at} >= ${timestampParam(filters.since)}`)
  return keysetPage(db.select().from(gatewayEvents).$dynamic(), gatewayEvents.id, conditions, {
    before: filters.before,
    limit: filters.limit,
  })
}

/**
 * The distinct types among a gateway's kept events, alphabetically. A skip scan: each step jumps
 * to the next type on the (gateway, type, id) index, so it reads one index entry per type however
 * many events there are.
 */
export async function gatewayEventTypes(db: Database, gatewayId: number): Promise<string[]> {
  const rows = await db.execute<{ type: string }>(sql`
    with recursive types (type) as (
      (select type from gateway_events where gateway_id = ${gatewayId} order by type limit 1)
      union all
      select (
        select e.type from gateway_events e
        where e.gateway_id = ${gatewayId} and e.type > types.type order by e.type limit 1
      ) from types where types.type is not null
    )
    select type from types where type is not null`)
  return rows.map((row) => row.type)
}
