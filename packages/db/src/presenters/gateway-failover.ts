import { type GatewayFailover, gatewayFailoverSchema } from '@mc/shared'
import type { GatewayFailoverRow } from '../queries/gateway-failover.ts'
import { unixSeconds } from './unix-seconds.ts'

/** One move of the primary role as the API shows it. */
export function presentFailover(row: GatewayFailoverRow): GatewayFailover {
  return {
    id: row.id,
    from_id: row.fromId,
    from_name: row.fromName,
    to_id: row.toId,
    to_name: row.toName,
    // A text column: the queries write only these kinds.
    kind: gatewayFailoverSchema.shape.kind.parse(row.kind),
    reason: row.reason,
    automatic: row.automatic,
    actor: row.actor,
    at: unixSeconds(row.at),
  }
}
