import { type StatusChangeRow, unixSeconds } from '@mc/db'
import type { StatusChange } from '@mc/shared'

export function presentStatusChange(row: StatusChangeRow): StatusChange {
  return {
    id: row.id,
    gateway_id: row.gatewayId,
    gateway_name: row.gatewayName,
    old_status: row.oldStatus,
    new_status: row.newStatus,
    latency: row.latency,
    error: row.error,
    changed_at: unixSeconds(row.changedAt),
  }
}
