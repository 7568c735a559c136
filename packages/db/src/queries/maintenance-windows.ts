import { asc, desc, eq, getTableColumns, sql } from 'drizzle-orm'
import type { Database } from '../client.ts'
import { maintenanceWindows } from '../schema/maintenance-windows.ts'

export type MaintenanceWindowRow = typeof maintenanceWindows.$inferSelect
/** With whether it is in force now, on database time. */
export type MaintenanceWindowWithState = MaintenanceWindowRow & { active: boolean }

export interface MaintenanceWindowValues {
  gatewayIds: number[]
  startsAt: Date
  endsAt: Date
  reason: string
  createdBy: string
}

/** When a window stopped (or stops) being in force: its end, or its cancellation if earlier. */
const overAt = sql`least(${maintenanceWindows.cancelledAt}, ${maintenanceWindows.endsAt})`
const isOver = sql<boolean>`${overAt} <= now()`
const withState = {
  ...getTableColumns(maintenanceWindows),
  active: sql<boolean>`(${maintenanceWindows.cancelledAt} is null
    and ${maintenanceWindows.startsAt} <= now() and ${maintenanceWindows.endsAt} > now())`,
}

/**
 * Current and upcoming windows first (soonest start first), then those over within the last
 * `recentDays` days (latest end first).
 */
export async function listMaintenanceWindows(
  db: Database,
  recentDays: number,
): Promise<MaintenanceWindowWithState[]> {
  return db
    .select(withState)
    .from(maintenanceWindows)
    .where(sql`${overAt} > now() - make_interval(days => ${recentDays})`)
    .orderBy(
      asc(isOver),
      sql`case when ${isOver} then null else ${maintenanceWindows.startsAt} end asc`,
      desc(overAt),
      desc(maintenanceWindows.id),
    )
}

export async function findMaintenanceWindow(
  db: Database,
  id: number,
): Promise<MaintenanceWindowWithState | undefined> {
  const [row] = await db.select(withState).from(maintenanceWindows).where(eq(maintenanceWindows.id, id))
  return row
}

export async function createMaintenanceWindow(
  db: Database,
  values: MaintenanceWindowValues,
): Promise<MaintenanceWindowWithState> {
  const [row] = await db.insert(maintenanceWindows).values(values).returning({ id: maintenanceWindows.id })
  const created = row && (await findMaintenanceWindow(db, row.id))
  if (!created) throw new Error('maintenance window insert returned nothing')
  return created
}

/**
 * Ends a window now: one in force ends (`ends_at` and `cancelled_at` now), one not yet started is
 * cancelled and keeps its times, one already over is left as it was. Undefined for an unknown id.
 */
export async function endMaintenanceWindow(
  db: Database,
  id: number,
): Promise<MaintenanceWindowWithState | undefined> {
  await db
    .update(maintenanceWindows)
    .set({
      cancelledAt: sql`now()`,
      endsAt: sql`case when ${maintenanceWindows.startsAt} <= now() then now() else ${maintenanceWindows.endsAt} end`,
    })
    .where(sql`${maintenanceWindows.id} = ${id} and not (${isOver})`)
  return findMaintenanceWindow(db, id)
}
