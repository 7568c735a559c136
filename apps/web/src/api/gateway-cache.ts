import type { Gateway, GatewayDetailResponse } from '@mc/shared'
import type { QueryClient } from '@tanstack/react-query'
import { queryKeys } from './queries.ts'

const isBefore = (next: number | null, cached: number | null) => cached !== null && (next ?? 0) < cached

/** What a probe measures; the rest of a gateway (name, address, primary, …) belongs to edits. */
const MEASURED = [
  'status',
  'last_seen',
  'latency',
  'sessions_count',
  'agents_count',
  'version',
  'last_error',
  'last_probe_at',
] as const satisfies readonly (keyof Gateway)[]

const measured = (gateway: Gateway): Partial<Gateway> =>
  Object.fromEntries(MEASURED.map((key) => [key, gateway[key]]))

/**
 * `cached` with what a probe in `next` measured, unless `cached` shows a later probe (an event that
 * waited in a batch while a refetch brought a newer one). Only the measures: a probe that read the
 * row just before an edit within the same second (API times are whole seconds) must not undo it.
 */
export function withProbe(cached: Gateway, next: Gateway): Gateway {
  if (isBefore(next.last_probe_at, cached.last_probe_at)) return cached
  return { ...cached, ...measured(next) }
}

/**
 * `next`, an edited gateway, in place of `cached`, unless `cached` shows a later edit; its probe
 * measures only if they are not older than the cached ones.
 */
export function newerGateway(cached: Gateway, next: Gateway): Gateway {
  if (isBefore(next.updated_at, cached.updated_at)) return withProbe(cached, next)
  return isBefore(next.last_probe_at, cached.last_probe_at) ? { ...next, ...measured(cached) } : next
}

/**
 * Writes gateways as the API or an event just reported them into the cached list and gateway pages,
 * so every view shows them at once without waiting for the next poll. Queries not in the cache stay
 * absent.
 */
export function cacheGateways(
  queryClient: QueryClient,
  gateways: readonly Gateway[],
  /** `withProbe` for probe results, `newerGateway` for edits. */
  merge: (cached: Gateway, next: Gateway) => Gateway,
): void {
  if (gateways.length === 0) return
  const byId = new Map(gateways.map((gateway) => [gateway.id, gateway]))
  queryClient.setQueryData<{ gateways: Gateway[] }>(queryKeys.gatewayList, (list) => {
    if (!list) return list
    return {
      gateways: list.gateways.map((cached) => {
        const next = byId.get(cached.id)
        return next ? merge(cached, next) : cached
      }),
    }
  })
  for (const gateway of gateways) {
    queryClient.setQueryData<GatewayDetailResponse>(queryKeys.gatewayDetail(gateway.id), (detail) =>
      detail ? { ...detail, gateway: merge(detail.gateway, gateway) } : detail,
    )
  }
}
