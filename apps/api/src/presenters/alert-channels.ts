import { type AlertChannelRow, type AlertDeliveryRow, unixSeconds } from '@mc/db'
import type { AlertChannel } from '@mc/shared'
import { presentAlertDelivery } from './alert-deliveries.ts'

/** The public part of the config only: `secret_set` says whether secrets are stored, never what they are. */
export function presentAlertChannel(
  row: AlertChannelRow,
  lastDelivery: AlertDeliveryRow | undefined,
): AlertChannel {
  return {
    id: row.id,
    name: row.name,
    type: row.type,
    enabled: row.enabled,
    config: row.config,
    secret_set: row.secret !== null,
    last_delivery: lastDelivery ? presentAlertDelivery(lastDelivery) : null,
    failing: lastDelivery ? !lastDelivery.ok : false,
    created_at: unixSeconds(row.createdAt),
    updated_at: unixSeconds(row.updatedAt),
  }
}
