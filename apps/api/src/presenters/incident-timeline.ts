import { type IncidentTimelineRow, unixSeconds } from '@mc/db'
import type { IncidentTimelineEntry } from '@mc/shared'

export function presentTimelineEntry(row: IncidentTimelineRow): IncidentTimelineEntry {
  return {
    at: unixSeconds(row.at),
    // Written only with the shared package's timeline types.
    type: row.type as IncidentTimelineEntry['type'],
    actor: row.actor,
    detail: row.detail,
  }
}
