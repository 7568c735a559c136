import { type MaintenanceWindowWithState, unixSeconds, unixSecondsOrNull } from '@mc/db'
import type { MaintenanceWindow } from '@mc/shared'

export function presentMaintenanceWindow(row: MaintenanceWindowWithState): MaintenanceWindow {
  return {
    id: row.id,
    gateway_ids: row.gatewayIds,
    starts_at: unixSeconds(row.startsAt),
    ends_at: unixSeconds(row.endsAt),
    reason: row.reason,
    created_by: row.createdBy,
    created_at: unixSeconds(row.createdAt),
    cancelled_at: unixSecondsOrNull(row.cancelledAt),
    active: row.active,
  }
}
