import { type AuditRow, unixSeconds } from '@mc/db'
import type { AuditEntry } from '@mc/shared'

export function presentAuditEntry(row: AuditRow): AuditEntry {
  return {
    id: row.id,
    actor: row.actor,
    action: row.action,
    target: row.target,
    detail: row.detail ?? null,
    ip: row.ip,
    at: unixSeconds(row.at),
  }
}
