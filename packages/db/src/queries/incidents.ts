import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm'
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core'
import type { Database } from '../client.ts'
import { incidents, incidentTimeline } from '../schema/incidents.ts'
import { type KeysetPage, type KeysetParams, keysetPage } from './keyset-page.ts'

export type IncidentRow = typeof incidents.$inferSelect
export type IncidentTimelineRow = typeof incidentTimeline.$inferSelect
type IncidentStatus = IncidentRow['status']

/** An acknowledgement or manual resolution the incident's status does not allow. */
export class IncidentTransitionError extends Error {
  constructor(
    readonly incident: IncidentRow,
    action: 'acknowledged' | 'resolved',
    allowedFrom: readonly IncidentStatus[],
  ) {
    super(
      `incident ${incident.id} is ${incident.status}: only ${allowedFrom.join(' or ')} incidents can be ${action}`,
    )
    this.name = 'IncidentTransitionError'
  }
}

export interface IncidentFilter extends KeysetParams {
  status?: IncidentStatus
  gatewayId?: number
  agentId?: number
  kind?: string
}

/** Newest first, with the next page's cursor. */
export async function listIncidents(db: Database, filter: IncidentFilter): Promise<KeysetPage<IncidentRow>> {
  const conditions: SQL[] = []
  if (filter.status) conditions.push(eq(incidents.status, filter.status))
  if (filter.gatewayId !== undefined) {
    conditions.push(
      and(eq(incidents.subjectType, 'gateway'), eq(incidents.subjectId, filter.gatewayId)) as SQL,
    )
  }
  if (filter.agentId !== undefined) {
    conditions.push(and(eq(incidents.subjectType, 'agent'), eq(incidents.subjectId, filter.agentId)) as SQL)
  }
  if (filter.kind) conditions.push(eq(incidents.kind, filter.kind))
  return keysetPage(db.select().from(incidents).$dynamic(), incidents.id, conditions, filter)
}

export async function findIncident(db: Database, id: number): Promise<IncidentRow | undefined> {
  const [row] = await db.select().from(incidents).where(eq(incidents.id, id))
  return row
}

/** The incidents of `ids` that exist, in no particular order. */
export async function findIncidents(db: Database, ids: number[]): Promise<IncidentRow[]> {
  if (ids.length === 0) return []
  return db.select().from(incidents).where(inArray(incidents.id, ids))
}

/** What happened to an incident, oldest first. */
export async function listIncidentTimeline(db: Database, incidentId: number): Promise<IncidentTimelineRow[]> {
  return db
    .select()
    .from(incidentTimeline)
    .where(eq(incidentTimeline.incidentId, incidentId))
    .orderBy(asc(incidentTimeline.id))
}

/**
 * Moves an incident from one of `from` by `actor`, writing its timeline entry in the same
 * transaction. Undefined for an unknown id; an IncidentTransitionError when its status forbids it.
 */
async function transition(
  db: Database,
  id: number,
  from: readonly IncidentStatus[],
  type: 'acknowledged' | 'resolved',
  set: PgUpdateSetSource<typeof incidents>,
  actor: string,
): Promise<IncidentRow | undefined> {
  return db.transaction(async (tx) => {
    const [changed] = await tx
      .update(incidents)
      .set(set)
      .where(and(eq(incidents.id, id), inArray(incidents.status, [...from])))
      .returning()
    if (!changed) {
      const [current] = await tx.select().from(incidents).where(eq(incidents.id, id))
      if (!current) return undefined
      throw new IncidentTransitionError(current, type, from)
    }
    await tx.insert(incidentTimeline).values({ incidentId: id, type, actor })
    return changed
  })
}

/** Only an open incident can be acknowledged: it stops its reminders. */
export function acknowledgeIncident(db: Database, id: number, actor: string) {
  return transition(
    db,
    id,
    ['open'],
    'acknowledged',
    { status: 'acknowledged', acknowledgedAt: sql`now()`, acknowledgedBy: actor },
    actor,
  )
}

/** Resolving by hand: an open or acknowledged incident. */
export function resolveIncident(db: Database, id: number, actor: string) {
  return transition(
    db,
    id,
    ['open', 'acknowledged'],
    'resolved',
    { status: 'resolved', resolvedAt: sql`now()`, resolvedBy: actor },
    actor,
  )
}
