import { nowUnixSeconds } from '@mc/shared'
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query'
import { pollWhileStreamDown } from '../event-stream/stream-status.ts'
import { api } from './client.ts'
import { patchConnectionClosed } from './connection-cache.ts'
import { type ConnectionFilters, queryKeys } from './queries.ts'

/**
 * A heartbeat is due every 30 s and a connection expires 60 s after the last one, so the views ask
 * again this often while the event stream (which patches the cache) is down.
 */
export const CONNECTIONS_REFETCH_MS = 5_000
export const CONNECTIONS_PAGE_SIZE = 50
/** How many connections the Gateway Manager's section shows. */
export const LIVE_SECTION_SIZE = 10

/** `GET /api/connect` (viewer), newest first, a page at a time (`next_before`). */
export function useConnections(filters: ConnectionFilters) {
  return useInfiniteQuery({
    queryKey: queryKeys.connectionList(filters),
    queryFn: ({ pageParam, signal }) =>
      api.connections.list({ ...filters, limit: CONNECTIONS_PAGE_SIZE, before: pageParam }, signal),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (lastPage) => lastPage.next_before ?? undefined,
    refetchInterval: pollWhileStreamDown(CONNECTIONS_REFETCH_MS),
    placeholderData: keepPreviousData,
  })
}

/** The newest open connections, for the Gateway Manager; `next_before` says whether there are more. */
export function useLiveConnections() {
  return useQuery({
    queryKey: queryKeys.liveConnections,
    queryFn: ({ signal }) => api.connections.list({ status: 'connected', limit: LIVE_SECTION_SIZE }, signal),
    refetchInterval: pollWhileStreamDown(CONNECTIONS_REFETCH_MS),
  })
}

/**
 * `DELETE /api/connect` (operator). The row turns disconnected in every cached view at once; agents
 * refetch (the agent may have gone offline). Lists filtered to open connections drop it on their next poll.
 */
export function useDisconnect() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (connectionId: string) => api.connections.disconnect(connectionId),
    onSuccess: ({ connection_id }) => {
      patchConnectionClosed(queryClient, connection_id, 'disconnected', nowUnixSeconds())
      void queryClient.invalidateQueries({ queryKey: queryKeys.agents, refetchType: 'active' })
    },
  })
}
