import { desc, eq, lt, sql } from 'drizzle-orm'
import type { Database } from '../client.ts'
import { gatewayStatusChanges } from '../schema/gateway-status-changes.ts'
import { gateways } from '../schema/gateways.ts'

/** One status flip with the gateway's current name (renames show the new one). */
export type StatusChangeRow = typeof gatewayStatusChanges.$inferSelect & { gatewayName: string }

export interface StatusChangeFilter {
  /** Only rows with a smaller id: the cursor of the next page. */
  before?: number
  limit: number
}

/** Status flips of every gateway, newest first (ids grow with time), and the next page's cursor. */
export async function listStatusChanges(
  db: Database,
  filter: StatusChangeFilter,
): Promise<{ rows: StatusChangeRow[]; nextBefore: number | null }> {
  const rows = await db
    .select({
      id: gatewayStatusChanges.id,
      gatewayId: gatewayStatusChanges.gatewayId,
      gatewayName: gateways.name,
      oldStatus: gatewayStatusChanges.oldStatus,
      newStatus: gatewayStatusChanges.newStatus,
      latency: gatewayStatusChanges.latency,
      error: gatewayStatusChanges.error,
      changedAt: gatewayStatusChanges.changedAt,
    })
    .from(gatewayStatusChanges)
    .innerJoin(gateways, eq(gateways.id, gatewayStatusChanges.gatewayId))
    .where(filter.before === undefined ? sql`true` : lt(gatewayStatusChanges.id, filter.before))
    .orderBy(desc(gatewayStatusChanges.id))
    .limit(filter.limit + 1)
  const page = rows.slice(0, filter.limit)
  const last = page.at(-1)
  return { rows: page, nextBefore: rows.length > filter.limit && last ? last.id : null }
}

/** Deletes flips older than `days`, like the raw probes they were recorded with. */
export async function pruneStatusChanges(db: Database, days: number): Promise<number> {
  const rows = await db.execute(
    sql`delete from ${gatewayStatusChanges} where changed_at < now() - make_interval(days => ${days}) returning 1`,
  )
  return rows.length
}
