import type { CreateGatewayRequest, Gateway, TokenRotationMode, UpdateGatewayRequest } from '@mc/shared'
import { queryOptions, useMutation, useQuery } from '@tanstack/react-query'
import { pollWhileStreamDown } from '../event-stream/stream-status.ts'
import { api } from './client.ts'
import { useInvalidate } from './invalidate.ts'
import { queryKeys } from './queries.ts'

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

/** `GET /api/gateways` (viewer): primary first, then by name; never a token. */
export function useGateways() {
  return useQuery(gatewayListQuery)
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
