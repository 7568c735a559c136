import { eq, gte, lte, type SQL } from 'drizzle-orm'
import type { Database } from '../client.ts'
import { auditLog } from '../schema/audit-log.ts'
import { type KeysetPage, type KeysetParams, keysetPage } from './keyset-page.ts'

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

export interface AuditFilter extends KeysetParams {
  action?: string
  actor?: string
  since?: Date
  until?: Date
}

/** Newest first, with the next page's cursor. */
export async function listAudit(db: Database, filter: AuditFilter): Promise<KeysetPage<AuditRow>> {
  const conditions: SQL[] = []
  if (filter.action) conditions.push(eq(auditLog.action, filter.action))
  if (filter.actor) conditions.push(eq(auditLog.actor, filter.actor))
  if (filter.since) conditions.push(gte(auditLog.at, filter.since))
  if (filter.until) conditions.push(lte(auditLog.at, filter.until))
  return keysetPage(db.select().from(auditLog).$dynamic(), auditLog.id, conditions, filter)
}
