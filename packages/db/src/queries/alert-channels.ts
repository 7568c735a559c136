import { asc, eq, sql } from 'drizzle-orm'
import type { Database } from '../client.ts'
import { alertChannels } from '../schema/alert-channels.ts'

export type AlertChannelRow = typeof alertChannels.$inferSelect

export interface AlertChannelValues {
  name: string
  type: AlertChannelRow['type']
  enabled: boolean
  /** The parts that may be shown. */
  config: Record<string, unknown>
  /** The secret parts, already encrypted; null for none. */
  secret: string | null
}

/** By name (case-insensitive), as the Alerts page lists them. */
export async function listAlertChannels(db: Database): Promise<AlertChannelRow[]> {
  return db
    .select()
    .from(alertChannels)
    .orderBy(asc(sql`lower(${alertChannels.name})`), asc(alertChannels.id))
}

export async function findAlertChannel(db: Database, id: number): Promise<AlertChannelRow | undefined> {
  const [row] = await db.select().from(alertChannels).where(eq(alertChannels.id, id))
  return row
}

export async function createAlertChannel(db: Database, values: AlertChannelValues): Promise<AlertChannelRow> {
  const [row] = await db.insert(alertChannels).values(values).returning()
  if (!row) throw new Error('alert channel insert returned nothing')
  return row
}

/** The type never changes. Returns the row before and after; undefined for an unknown id. */
export async function updateAlertChannel(
  db: Database,
  id: number,
  patch: Partial<Omit<AlertChannelValues, 'type'>>,
): Promise<{ before: AlertChannelRow; after: AlertChannelRow } | undefined> {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(alertChannels).where(eq(alertChannels.id, id)).for('update')
    if (!before) return undefined
    const [after] = await tx
      .update(alertChannels)
      .set({ ...patch, updatedAt: sql`now()` })
      .where(eq(alertChannels.id, id))
      .returning()
    if (!after) throw new Error('alert channel vanished during update')
    return { before, after }
  })
}

/**
 * Deletes a channel and takes its id out of every rule's `channel_ids`, in one transaction (its
 * queued notifications go with it; its deliveries stay in the log without it).
 */
export async function deleteAlertChannel(db: Database, id: number): Promise<AlertChannelRow | undefined> {
  return db.transaction(async (tx) => {
    const [row] = await tx.delete(alertChannels).where(eq(alertChannels.id, id)).returning()
    if (!row) return undefined
    await tx.execute(sql`
      update alert_rules set channel_ids = array_remove(channel_ids, ${id}), updated_at = now()
      where ${id} = any(channel_ids)`)
    return row
  })
}

/** The ids of `ids` that name no channel, in the order given. */
export async function missingAlertChannelIds(db: Database, ids: number[]): Promise<number[]> {
  if (ids.length === 0) return []
  const rows = await db.execute<{ id: number }>(sql`
    select id from unnest(${sql.param(ids)}::int[]) as given(id)
    where not exists (select 1 from alert_channels c where c.id = given.id)`)
  const missing = new Set(rows.map((r) => r.id))
  return ids.filter((id) => missing.has(id))
}

/** Channels that have secrets, for re-encrypting them under a new key. */
export async function listAlertChannelSecrets(db: Database): Promise<{ id: number; secret: string }[]> {
  const rows = await db.select({ id: alertChannels.id, secret: alertChannels.secret }).from(alertChannels)
  return rows.flatMap((row) => (row.secret === null ? [] : [{ id: row.id, secret: row.secret }]))
}

/** Replaces stored (encrypted) secrets in one transaction: all or nothing. */
export async function replaceAlertChannelSecrets(
  db: Database,
  secrets: { id: number; secret: string }[],
): Promise<void> {
  await db.transaction(async (tx) => {
    for (const { id, secret } of secrets) {
      await tx.update(alertChannels).set({ secret }).where(eq(alertChannels.id, id))
    }
  })
}
