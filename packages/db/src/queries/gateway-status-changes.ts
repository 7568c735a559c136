import { eq, sql } from 'drizzle-orm'
import type { Database } from '../client.ts'
import { gatewayStatusChanges } from '../schema/gateway-status-changes.ts'
import { gateways } from '../schema/gateways.ts'
import { type KeysetPage, type KeysetParams, keysetPage } from './keyset-page.ts'

/** One status flip with the gateway's current name (renames show the new one). */
export type StatusChangeRow = typeof gatewayStatusChanges.$inferSelect & { gatewayName: string }

/** Status flips of every gateway, newest first, with the next page's cursor. */
export async function listStatusChanges(
  db: Database,
  page: KeysetParams,
): Promise<KeysetPage<StatusChangeRow>> {
  const query = db
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
    .$dynamic()
  return keysetPage(query, gatewayStatusChanges.id, [], page)
}

/** Deletes flips older than `days`, like the raw probes they were recorded with. */
export async function pruneStatusChanges(db: Database, days: number): Promise<number> {
  const rows = await db.execute(
    sql`delete from ${gatewayStatusChanges} where changed_at < now() - make_interval(days => ${days}) returning 1`,
  )
  return rows.length
}
