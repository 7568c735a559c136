import { type GatewayWatcherRow, unixSeconds, unixSecondsOrNull } from '@mc/db'
import { type GatewayWatcher, watcherStatusSchema } from '@mc/shared'

export function presentGatewayWatcher(row: GatewayWatcherRow): GatewayWatcher {
  return {
    worker_id: row.workerId,
    status: watcherStatusSchema.parse(row.status),
    error: row.error,
    throttled_since: unixSecondsOrNull(row.throttledSince),
    loaded_at: unixSecondsOrNull(row.loadedAt),
    changed_at: unixSeconds(row.changedAt),
  }
}
