import { failoverResponseSchema, failoversResponseSchema } from '@mc/shared'
import { queryOptions, useMutation, useQuery } from '@tanstack/react-query'
import { pollWhileStreamDown } from '../event-stream/stream-status.ts'
import { api } from './client.ts'
import { GATEWAYS_REFETCH_MS } from './gateways.ts'
import { useInvalidate } from './invalidate.ts'
import { queryKeys } from './queries.ts'

export const lastFailoverQuery = queryOptions({
  queryKey: queryKeys.lastFailover,
  queryFn: ({ signal }) =>
    api
      .request('GET', '/api/gateways/failovers?limit=1', { schema: failoversResponseSchema, signal })
      .then(({ failovers }) => failovers[0] ?? null),
  refetchInterval: pollWhileStreamDown(GATEWAYS_REFETCH_MS),
})

/** `GET /api/gateways/failovers?limit=1` (viewer): the primary role's latest move, or null if none yet. */
export function useLastFailover() {
  return useQuery(lastFailoverQuery)
}

/**
 * `POST /api/gateways/failover` (admin): the primary role moves now to `toId`, or (left out) to the
 * best standby; 409 says why it cannot (the target is not online, no standby is).
 */
export function useFailoverNow() {
  // The flag moved on two gateways and the move was logged: every gateway view and the audit log.
  const refresh = useInvalidate(queryKeys.gateways, queryKeys.audit)
  return useMutation({
    mutationFn: (toId: number | null) =>
      api.request('POST', '/api/gateways/failover', {
        body: toId === null ? {} : { to_id: toId },
        schema: failoverResponseSchema,
      }),
    onSuccess: refresh,
  })
}
