import { eq, isNotNull, sql } from 'drizzle-orm'
import type { Database } from '../client.ts'
import { gatewayWatchers } from '../schema/gateway-watchers.ts'
import { gateways } from '../schema/gateways.ts'

export type GatewayWatcherRow = typeof gatewayWatchers.$inferSelect
export type WatcherStatus = 'connecting' | 'watching' | 'reconnecting'

/**
 * The gateways a watcher can log in to, each with a digest of where and how it connects (host, port,
 * encrypted token, TLS) that changes when any of them does: one statement per pool tick, however
 * many gateways, and no token leaves the database.
 */
export async function listWatchTargets(db: Database): Promise<{ id: number; fingerprint: string }[]> {
  return db
    .select({
      id: gateways.id,
      fingerprint: sql<string>`md5(concat_ws(' ', ${gateways.host}, ${gateways.port}, ${gateways.token}, ${gateways.tlsInsecure}))`,
    })
    .from(gateways)
    .where(isNotNull(gateways.token))
}

export interface WatcherStatusInput {
  gatewayId: number
  workerId: string
  status: WatcherStatus
  error?: string | null
  /** true sets `throttled_since` (kept while it stays throttled), false clears it, undefined leaves it. */
  throttled?: boolean
  /** A full load just finished. */
  loaded?: boolean
}

/** What one gateway's statuses, written one after the other, leave behind (a row is written once a statement). */
function latestStatus(earlier: WatcherStatusInput, later: WatcherStatusInput): WatcherStatusInput {
  return {
    ...later,
    throttled: later.throttled ?? earlier.throttled,
    loaded: Boolean(earlier.loaded || later.loaded),
  }
}

/** What the watcher of each gateway is doing now. */
export async function recordWatcherStatus(db: Database, status: WatcherStatusInput): Promise<void> {
  await recordWatcherStatuses(db, [status])
}

/**
 * Several watchers' statuses in one statement, as if written in order (a gateway's later status
 * wins; a load or a throttle change in an earlier one is kept). A watcher can outlive its gateway
 * by a moment: a deleted gateway gets no status row.
 */
export async function recordWatcherStatuses(db: Database, statuses: WatcherStatusInput[]): Promise<void> {
  const byGateway = new Map<number, WatcherStatusInput>()
  for (const status of statuses) {
    const earlier = byGateway.get(status.gatewayId)
    byGateway.set(status.gatewayId, earlier ? latestStatus(earlier, status) : status)
  }
  if (byGateway.size === 0) return
  const rows = [...byGateway.values()].map((status) => ({
    gatewayId: status.gatewayId,
    workerId: status.workerId,
    status: status.status,
    error: status.error ?? null,
    throttled: status.throttled ?? null,
    loaded: status.loaded === true,
  }))
  await db.execute(sql`
    with r as (
      select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r("gatewayId" int,
        "workerId" text, status text, error text, throttled boolean, loaded boolean)
    )
    insert into gateway_watchers as w (gateway_id, worker_id, status, error, throttled_since, loaded_at, changed_at)
    select g.id, r."workerId", r.status, r.error, case when r.throttled then now() end,
      case when r.loaded then now() end, now()
    from r join gateways g on g.id = r."gatewayId"
    on conflict (gateway_id) do update set worker_id = excluded.worker_id, status = excluded.status,
      error = excluded.error, changed_at = excluded.changed_at,
      loaded_at = coalesce(excluded.loaded_at, w.loaded_at),
      throttled_since = case (select r.throttled from r where r."gatewayId" = excluded.gateway_id)
        when true then coalesce(w.throttled_since, now()) when false then null else w.throttled_since end`)
}

export async function findWatcherStatus(
  db: Database,
  gatewayId: number,
): Promise<GatewayWatcherRow | undefined> {
  const [row] = await db.select().from(gatewayWatchers).where(eq(gatewayWatchers.gatewayId, gatewayId))
  return row
}

/** Forgets the status of a gateway no worker watches any more (token cleared). */
export async function clearWatcherStatus(db: Database, gatewayId: number): Promise<void> {
  await db.delete(gatewayWatchers).where(eq(gatewayWatchers.gatewayId, gatewayId))
}
