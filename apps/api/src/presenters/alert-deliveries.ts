import { type AlertDeliveryRow, unixSeconds } from '@mc/db'
import type { AlertDelivery } from '@mc/shared'

export function presentAlertDelivery(row: AlertDeliveryRow): AlertDelivery {
  return {
    id: row.id,
    channel_id: row.channelId,
    channel_name: row.channelName,
    event: row.event,
    incident_ids: row.incidentIds,
    attempt: row.attempt,
    ok: row.ok,
    status_code: row.statusCode,
    reply: row.reply,
    duration_ms: row.durationMs,
    error: row.error,
    at: unixSeconds(row.at),
  }
}
