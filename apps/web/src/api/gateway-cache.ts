import type { Gateway, GatewayDetailResponse } from '@mc/shared'
import type { QueryClient } from '@tanstack/react-query'
import { queryKeys } from './queries.ts'

const isBefore = (next: number | null, cached: number | null) => cached !== null && (next ?? 0) < cached

/**
 * What a probe measures. The rest of a gateway (name, address, primary, standby priority, …) belongs
 * to edits, whose views refetch after each: a probe that read the row just before an edit in the same
 * second (API times are whole seconds, so they cannot be ordered) must not undo it.
 */
const probed = ({
  status,
  last_seen,
  latency,
  sessions_count,
  agents_count,
  version,
  last_error,
  last_probe_at,
}: Gateway) => ({
  status,
  last_seen,
  latency,
  sessions_count,
  agents_count,
  version,
  last_error,
  last_probe_at,
})

/**
 * `cached` with what the probe in `next` measured, unless `cached` already shows a later probe (an
 * event that waited in a batch while a refetch brought a newer one).
 */
export function newerGateway(cached: Gateway, next: Gateway): Gateway {
  if (isBefore(next.last_probe_at, cached.last_probe_at)) return cached
  return { ...cached, ...probed(next) }
}

/**
 * Writes gateways' probes, as the API or an event just reported them, into the cached list and gateway pages,
 * so every view shows them at once without waiting for the next poll. Queries not in the cache stay
 * absent.
 */
export function cacheGateways(queryClient: QueryClient, gateways: readonly Gateway[]): void {
  if (gateways.length === 0) return
  const byId = new Map(gateways.map((gateway) => [gateway.id, gateway]))
  queryClient.setQueryData<{ gateways: Gateway[] }>(queryKeys.gatewayList, (list) => {
    if (!list) return list
    return {
      gateways: list.gateways.map((cached) => {
        const next = byId.get(cached.id)
        return next ? newerGateway(cached, next) : cached
      }),
    }
  })
  for (const gateway of gateways) {
    queryClient.setQueryData<GatewayDetailResponse>(queryKeys.gatewayDetail(gateway.id), (detail) =>
      detail ? { ...detail, gateway: newerGateway(detail.gateway, gateway) } : detail,
    )
  }
}
