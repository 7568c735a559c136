import type { CreateGatewayRequest, Gateway, TokenRotationMode, UpdateGatewayRequest } from '@mc/shared'
import { keepPreviousData, queryOptions, useMutation, useQuery } from '@tanstack/react-query'
import { pollWhileStreamDown } from '../event-stream/stream-status.ts'
import { countStatuses, GATEWAY_STATUS_ORDER, type StatusCounts } from '../lib/gateway-status.ts'
import { api } from './client.ts'
import { useInvalidate } from './invalidate.ts'
import { type GatewayPageParams, queryKeys } from './queries.ts'

/**
 * The worker probes every gateway every 30 s, so statuses change on their own. The event stream
 * patches the cache; while it is down, the list and a gateway's page ask again this often.
 */
export const GATEWAYS_REFETCH_MS = 10_000

export const gatewayListQuery = queryOptions({
  queryKey: queryKeys.gatewayList,
  queryFn: ({ signal }) => api.gateways.list(signal),
  refetchInterval: pollWhileStreamDown(GATEWAYS_REFETCH_MS),
})

/**
 * `GET /api/gateways` (viewer): every gateway, primary first, then by name; never a token. For
 * pickers only: lists page on the API (`useGatewayPage`).
 */
export function useGateways() {
  return useQuery(gatewayListQuery)
}

/** Gateway cards per page of the Gateway Manager. */
export const GATEWAYS_PAGE_SIZE = 50

/** One page of the list and how many gateways match in all. */
export interface GatewayPage {
  gateways: Gateway[]
  total: number
}

export const gatewayPageQuery = (params: GatewayPageParams) =>
  queryOptions({
    queryKey: queryKeys.gatewayPage(params),
    queryFn: async ({ signal }): Promise<GatewayPage> => {
      const page = await api.gateways.page(params, signal)
      return { gateways: page.gateways, total: page.total ?? page.gateways.length }
    },
    refetchInterval: pollWhileStreamDown(GATEWAYS_REFETCH_MS),
  })

/**
 * `GET /api/gateways?q&status&limit&offset` (viewer): one page of the gateways matching the search
 * and status, in list order; the page shown stays while the next one loads.
 */
export function useGatewayPage(params: GatewayPageParams) {
  return useQuery({ ...gatewayPageQuery(params), placeholderData: keepPreviousData })
}

/** The list's first row, which is the primary when there is one: all the app needs of it to relay. */
export const primaryGatewayQuery = gatewayPageQuery({ limit: 1, offset: 0 })

/** The primary gateway; null when none is (or no gateway is registered). */
export function usePrimaryGateway() {
  return useQuery({
    ...primaryGatewayQuery,
    select: (page) => page.gateways.find((gateway) => gateway.is_primary === 1) ?? null,
  })
}

/**
 * How many gateways whose name or host contains `q` (all for '') have each status: one row's page
 * per status, whose `total` is the count. The event stream moves the counts with each flip.
 */
export const gatewayCountsQuery = (q: string) =>
  queryOptions({
    queryKey: queryKeys.gatewayCounts(q),
    queryFn: async ({ signal }): Promise<StatusCounts> => {
      const totals = await Promise.all(
        GATEWAY_STATUS_ORDER.map(async (status) => {
          const page = await api.gateways.page({ q: q || undefined, status, limit: 1 }, signal)
          return [status, page.total ?? page.gateways.length] as const
        }),
      )
      return { ...countStatuses([]), ...Object.fromEntries(totals) }
    },
    refetchInterval: pollWhileStreamDown(GATEWAYS_REFETCH_MS),
  })

export function useGatewayCounts(q: string) {
  return useQuery({ ...gatewayCountsQuery(q), placeholderData: keepPreviousData })
}

/** `GET /api/gateways/:id` (viewer): the gateway, its uptime, latency percentiles and latest probes. */
export function useGatewayDetail(id: number | null) {
  return useQuery({
    queryKey: queryKeys.gatewayDetail(id ?? 0),
    queryFn: ({ signal }) => api.gateways.get(id ?? 0, signal),
    enabled: id !== null,
    refetchInterval: pollWhileStreamDown(GATEWAYS_REFETCH_MS),
  })
}

/** A change to the registry: every gateway view (the primary may have moved) and the audit log. */
const useRefreshAfterGatewayChange = () => useInvalidate(queryKeys.gateways, queryKeys.audit)

/** `POST /api/gateways` (admin): 201, 400 with field details, 409 for a taken name. */
export function useCreateGateway() {
  const refresh = useRefreshAfterGatewayChange()
  return useMutation({
    mutationFn: (body: CreateGatewayRequest) => api.gateways.create(body),
    onSuccess: refresh,
  })
}

/** `PUT /api/gateways` (admin): edit, set primary, replace or clear the token. */
export function useUpdateGateway() {
  const refresh = useRefreshAfterGatewayChange()
  return useMutation({
    mutationFn: (body: UpdateGatewayRequest) => api.gateways.update(body),
    onSuccess: refresh,
  })
}

/** `DELETE /api/gateways` (admin): 409 for the primary while others exist. */
export function useDeleteGateway() {
  const refresh = useRefreshAfterGatewayChange()
  return useMutation({ mutationFn: (id: number) => api.gateways.remove(id), onSuccess: refresh })
}

/** A manual rotation's new token, its command and expiry: lives only in the dialog that shows it once. */
export interface ManualRotation {
  token: string
  command: string
  expiresAt: number
}

/**
 * `POST /api/gateways/:id/rotate-token` (admin). A manual rotation's token goes straight to
 * `onManual` and is left out of the mutation's result, so it never sits in React Query's cache.
 * Either way the token's age, the gateway views and the audit log (every step) change.
 */
export function useRotateToken(id: number, onManual: (rotation: ManualRotation) => void) {
  const refresh = useRefreshAfterGatewayChange()
  return useMutation({
    mutationFn: async (mode: TokenRotationMode): Promise<Gateway> => {
      const response = await api.gateways.rotateToken(id, { mode })
      if (response.mode === 'manual') {
        onManual({ token: response.token, command: response.command, expiresAt: response.expires_at })
      }
      return response.gateway
    },
    onSettled: refresh,
  })
}
