import type { GatewayChangeEvent, GatewayFailoverEvent } from '@mc/shared'
import type { FailoverOutcome } from '../queries/gateway-failover.ts'
import { presentGateway } from './gateway.ts'
import { unixSeconds } from './unix-seconds.ts'

/**
 * What a move of the primary role announces, whoever made it (the worker's decision, an admin's
 * failover): the `gateway.failover` itself, and both gateways as they are now, so every browser's
 * cache sees the primary flag move. A failover that found no standby moved nothing: only its record.
 */
export function failoverEvents(
  { failover, from, to }: FailoverOutcome,
  /** TOKEN_MAX_AGE_DAYS of the process announcing it. */
  tokenMaxAgeDays: number,
): [GatewayFailoverEvent, ...GatewayChangeEvent[]] {
  const at = unixSeconds(failover.at)
  const moved = to ? [from, to] : []
  return [
    { type: 'gateway.failover', from_id: from.id, to_id: to?.id ?? null, reason: failover.reason, at },
    ...moved.map(
      (row): GatewayChangeEvent => ({
        type: 'gateway.updated',
        gateway: presentGateway(row, tokenMaxAgeDays),
        token_changed: false,
        at,
      }),
    ),
  ]
}
