import { eq, inArray, isNotNull, type SQL, sql } from 'drizzle-orm'
import type { Database } from '../client.ts'
import { alertDeliveries } from '../schema/alert-notifications.ts'
import { type KeysetPage, type KeysetParams, keysetPage } from './keyset-page.ts'

export type AlertDeliveryRow = typeof alertDeliveries.$inferSelect
export type AlertDeliveryValues = Omit<typeof alertDeliveries.$inferInsert, 'id' | 'at'>

/** Records one attempt to deliver a message to a channel. */
export async function insertAlertDelivery(
  db: Database,
  values: AlertDeliveryValues,
): Promise<AlertDeliveryRow> {
  const [row] = await db.insert(alertDeliveries).values(values).returning()
  if (!row) throw new Error('alert delivery insert returned nothing')
  return row
}

export interface AlertDeliveryFilter extends KeysetParams {
  channelId?: number
  incidentId?: number
}

/** Newest first, with the next page's cursor. */
export async function listAlertDeliveries(
  db: Database,
  filter: AlertDeliveryFilter,
): Promise<KeysetPage<AlertDeliveryRow>> {
  const conditions: SQL[] = []
  if (filter.channelId !== undefined) conditions.push(eq(alertDeliveries.channelId, filter.channelId))
  if (filter.incidentId !== undefined) {
    conditions.push(sql`${filter.incidentId} = any(${alertDeliveries.incidentIds})`)
  }
  return keysetPage(db.select().from(alertDeliveries).$dynamic(), alertDeliveries.id, conditions, filter)
}

/**
 * The latest delivery attempt of each channel (of `channelIds` when given), by channel id; channels
 * never delivered to are missing.
 */
export async function lastDeliveryPerChannel(
  db: Database,
  channelIds?: number[],
): Promise<Map<number, AlertDeliveryRow>> {
  const rows = await db
    .selectDistinctOn([alertDeliveries.channelId])
    .from(alertDeliveries)
    .where(
      channelIds === undefined
        ? isNotNull(alertDeliveries.channelId)
        : inArray(alertDeliveries.channelId, channelIds),
    )
    .orderBy(alertDeliveries.channelId, sql`${alertDeliveries.id} desc`)
  return new Map(rows.flatMap((row) => (row.channelId === null ? [] : [[row.channelId, row] as const])))
}
