import { type IncidentRow, unixSeconds, unixSecondsOrNull } from '@mc/db'
import type { Incident } from '@mc/shared'

/**
 * The one place an incident row becomes wire data, so the API's answers and the worker's events
 * show the same state. Kind, severity and subject type were the shared package's values when the
 * incident opened (the columns are text so that a new kind needs no migration).
 */
export function presentIncident(row: IncidentRow): Incident {
  return {
    id: row.id,
    rule_id: row.ruleId,
    rule_name: row.ruleName,
    kind: row.kind as Incident['kind'],
    severity: row.severity as Incident['severity'],
    subject_type: row.subjectType as Incident['subject_type'],
    subject_id: row.subjectId,
    subject_name: row.subjectName,
    status: row.status,
    summary: row.summary,
    opened_at: unixSeconds(row.openedAt),
    acknowledged_at: unixSecondsOrNull(row.acknowledgedAt),
    acknowledged_by: row.acknowledgedBy,
    resolved_at: unixSecondsOrNull(row.resolvedAt),
    resolved_by: row.resolvedBy,
    in_maintenance: row.inMaintenance,
    last_notified_at: unixSecondsOrNull(row.lastNotifiedAt),
  }
}
