import { asc, eq, sql } from 'drizzle-orm'
import type { Database } from '../client.ts'
import { alertRules } from '../schema/alert-rules.ts'
import { incidents, incidentTimeline } from '../schema/incidents.ts'

export type AlertRuleRow = typeof alertRules.$inferSelect

export interface AlertRuleValues {
  name: string
  kind: string
  /** The kind's parameters, defaults filled in. */
  params: Record<string, unknown>
  scopeGatewayIds: number[]
  scopeAgentNames: string[]
  channelIds: number[]
  repeatEveryS: number | null
  enabled: boolean
}

export async function listAlertRules(db: Database): Promise<AlertRuleRow[]> {
  return db
    .select()
    .from(alertRules)
    .orderBy(asc(sql`lower(${alertRules.name})`), asc(alertRules.id))
}

export async function findAlertRule(db: Database, id: number): Promise<AlertRuleRow | undefined> {
  const [row] = await db.select().from(alertRules).where(eq(alertRules.id, id))
  return row
}

export async function createAlertRule(db: Database, values: AlertRuleValues): Promise<AlertRuleRow> {
  const [row] = await db.insert(alertRules).values(values).returning()
  if (!row) throw new Error('alert rule insert returned nothing')
  return row
}

/** The kind never changes. Returns the row before and after; undefined for an unknown id. */
export async function updateAlertRule(
  db: Database,
  id: number,
  patch: Partial<Omit<AlertRuleValues, 'kind'>>,
): Promise<{ before: AlertRuleRow; after: AlertRuleRow } | undefined> {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(alertRules).where(eq(alertRules.id, id)).for('update')
    if (!before) return undefined
    const [after] = await tx
      .update(alertRules)
      .set({ ...patch, updatedAt: sql`now()` })
      .where(eq(alertRules.id, id))
      .returning()
    if (!after) throw new Error('alert rule vanished during update')
    return { before, after }
  })
}

/**
 * Deletes a rule and resolves its unresolved incidents by `actor` (each with its timeline entry),
 * in one transaction. The incidents stay, without their rule. Undefined for an unknown id.
 */
export async function deleteAlertRule(
  db: Database,
  id: number,
  actor: string,
): Promise<{ rule: AlertRuleRow; resolvedIncidentIds: number[] } | undefined> {
  return db.transaction(async (tx) => {
    const [rule] = await tx.select().from(alertRules).where(eq(alertRules.id, id)).for('update')
    if (!rule) return undefined
    const resolved = await tx
      .update(incidents)
      .set({ status: 'resolved', resolvedAt: sql`now()`, resolvedBy: actor })
      .where(sql`${incidents.ruleId} = ${id} and ${incidents.status} <> 'resolved'`)
      .returning({ id: incidents.id })
    if (resolved.length > 0) {
      await tx.insert(incidentTimeline).values(
        resolved.map((incident) => ({
          incidentId: incident.id,
          type: 'resolved',
          actor,
          detail: `its rule "${rule.name}" was deleted`,
        })),
      )
    }
    await tx.delete(alertRules).where(eq(alertRules.id, id))
    return { rule, resolvedIncidentIds: resolved.map((incident) => incident.id) }
  })
}
