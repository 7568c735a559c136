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

type GatewayRows = { gateways: Gateway[] }

/** `rows` with `change` applied to each row; `rows` itself when nothing changed (no re-render). */
function mapRows<T extends GatewayRows>(rows: T | undefined, change: (gateway: Gateway) => Gateway) {
  if (!rows) return rows
  let changed = false
  const gateways = rows.gateways.map((cached) => {
    const next = change(cached)
    changed ||= next !== cached
    return next
  })
  return changed ? { ...rows, gateways } : rows
}

/** The cached list, its pages and the gateway pages: every cached view of gateway rows. */
function writeRows(queryClient: QueryClient, change: (gateway: Gateway) => Gateway): void {
  queryClient.setQueryData<GatewayRows>(queryKeys.gatewayList, (list) => mapRows(list, change))
  queryClient.setQueriesData<GatewayRows>({ queryKey: queryKeys.gatewayPages }, (page) =>
    mapRows(page, change),
  )
}

/**
 * Writes gateways as the API or an event just reported them into the cached list, its pages and
 * the gateway pages, so every view shows them at once without waiting for the next poll. Queries
 * not in the cache stay absent: a burst about the whole fleet touches the few views on screen only.
 */
export function cacheGateways(
  queryClient: QueryClient,
  gateways: readonly Gateway[],
  /** `withProbe` for probe results, `newerGateway` for edits. */
  merge: (cached: Gateway, next: Gateway) => Gateway,
): void {
  if (gateways.length === 0) return
  const byId = new Map(gateways.map((gateway) => [gateway.id, gateway]))
  writeRows(queryClient, (cached) => {
    const next = byId.get(cached.id)
    return next ? merge(cached, next) : cached
  })
  for (const query of queryClient.getQueryCache().findAll({ queryKey: queryKeys.gatewayDetails })) {
    const next = byId.get(query.queryKey[2] as number)
    if (next) {
      queryClient.setQueryData<GatewayDetailResponse>(query.queryKey, (detail) =>
        detail ? { ...detail, gateway: merge(detail.gateway, next) } : detail,
      )
    }
  }
}

/**
 * Takes deleted gateways out of the cached list and its pages and forgets their pages; what follows
 * them moves up a page, so open pages and the counts ask again.
 */
export function dropGateways(queryClient: QueryClient, ids: ReadonlySet<number>): void {
  if (ids.size === 0) return
  const kept = <T extends GatewayRows>(rows: T | undefined) =>
    rows && { ...rows, gateways: rows.gateways.filter((gateway) => !ids.has(gateway.id)) }
  queryClient.setQueryData<GatewayRows>(queryKeys.gatewayList, kept)
  queryClient.setQueriesData<GatewayRows>({ queryKey: queryKeys.gatewayPages }, kept)
  for (const id of ids) queryClient.removeQueries({ queryKey: queryKeys.gatewayDetail(id) })
}
