import type { Gateway, GatewayDetailResponse } from '@mc/shared'
import type { QueryClient } from '@tanstack/react-query'
import { queryKeys } from './queries.ts'

const isBefore = (next: number | null, cached: number | null) => cached !== null && (next ?? 0) < cached

/**
 * `next` in place of `cached`, unless `cached` is later: a later probe (an event that waited in a
 * batch while a refetch brought a newer one) or a later edit (a probe that read the row just before
 * a rename). Both times are the database's, so this only orders them; the next probe brings both.
 */
export function newerGateway(cached: Gateway, next: Gateway): Gateway {
  if (isBefore(next.last_probe_at, cached.last_probe_at) || isBefore(next.updated_at, cached.updated_at))
    return cached
  return next
}

/**
 * Writes gateways as the API or an event just reported them into the cached list and gateway pages,
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
