import { and, desc, eq, gte, lt, lte, type SQL, sql } from 'drizzle-orm'
import type { Database } from '../client.ts'
import { auditLog } from '../schema/audit-log.ts'

export type AuditRow = typeof auditLog.$inferSelect

export interface AuditEntryInput {
  actor: string
  action: string
  target?: string | null
  /** Must never hold a secret: callers pass only what is safe to show an admin. */
  detail?: Record<string, unknown> | null
  ip?: string | null
}

export async function recordAudit(db: Database, entry: AuditEntryInput): Promise<void> {
  await db.insert(auditLog).values({
    actor: entry.actor,
    action: entry.action,
    target: entry.target ?? null,
    detail: entry.detail ?? null,
    ip: entry.ip ?? null,
  })
}

export interface AuditFilter {
  limit: number
  /** Only entries with a smaller id: the cursor for the next page. */
  before?: number
  action?: string
  actor?: string
  since?: Date
  until?: Date
}

/** Newest first. Fetches one extra row to know whether another page follows. */
export async function listAudit(
  db: Database,
  filter: AuditFilter,
): Promise<{ rows: AuditRow[]; nextBefore: number | null }> {
  const conditions: SQL[] = []
  if (filter.before !== undefined) conditions.push(lt(auditLog.id, filter.before))
  if (filter.action) conditions.push(eq(auditLog.action, filter.action))
  if (filter.actor) conditions.push(eq(auditLog.actor, filter.actor))
  if (filter.since) conditions.push(gte(auditLog.at, filter.since))
  if (filter.until) conditions.push(lte(auditLog.at, filter.until))
  const rows = await db
    .select()
    .from(auditLog)
    .where(conditions.length > 0 ? and(...conditions) : sql`true`)
    .orderBy(desc(auditLog.id))
    .limit(filter.limit + 1)
  const page = rows.slice(0, filter.limit)
  const last = page.at(-1)
  return { rows: page, nextBefore: rows.length > filter.limit && last ? last.id : null }
}
