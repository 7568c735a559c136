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

/**
 * What a gateway's watcher is doing now. `throttled`: true sets `throttled_since` (kept while it
 * stays throttled), false clears it, undefined leaves it; `loaded`: a full load just finished.
 */
export async function recordWatcherStatus(
  db: Database,
  status: {
    gatewayId: number
    workerId: string
    status: WatcherStatus
    error?: string | null
    throttled?: boolean
    loaded?: boolean
  },
): Promise<void> {
  const throttledSince =
    status.throttled === undefined
      ? sql`${gatewayWatchers.throttledSince}`
      : status.throttled
        ? sql`coalesce(${gatewayWatchers.throttledSince}, now())`
        : sql`null`
  const values = {
    workerId: status.workerId,
    status: status.status,
    error: status.error ?? null,
    changedAt: sql`now()`,
    ...(status.loaded ? { loadedAt: sql`now()` } : {}),
  }
  // A watcher can outlive its gateway by a moment: a deleted gateway gets no status row.
  await db
    .insert(gatewayWatchers)
    .select(
      db
        .select({
          gatewayId: gateways.id,
          workerId: sql`${values.workerId}`.as('worker_id'),
          status: sql`${values.status}`.as('status'),
          error: sql`${values.error}`.as('error'),
          throttledSince: sql`case when ${status.throttled === true} then now() end`.as('throttled_since'),
          loadedAt: sql`case when ${status.loaded === true} then now() end`.as('loaded_at'),
          changedAt: sql`now()`.as('changed_at'),
        })
        .from(gateways)
        .where(eq(gateways.id, status.gatewayId)),
    )
    .onConflictDoUpdate({ target: gatewayWatchers.gatewayId, set: { ...values, throttledSince } })
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
