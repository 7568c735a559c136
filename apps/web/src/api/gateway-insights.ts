import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query'
import { sinceForWindow } from '../lib/timeline.ts'
import { api } from './client.ts'
import { queryKeys, type TimelineFilters } from './queries.ts'

/** Neither the timeline nor auth failures come through the event stream: they ask again this often. */
export const TIMELINE_REFETCH_MS = 30_000
export const TIMELINE_PAGE_SIZE = 50

/** `GET /api/gateways/:id/events` (viewer): newest first, a page at a time ("Older"). */
export function useGatewayEvents(id: number, filters: TimelineFilters) {
  return useInfiniteQuery({
    queryKey: queryKeys.gatewayEvents(id, filters),
    queryFn: ({ pageParam, signal }) => {
      const { window, ...rest } = filters
      // Counted from each fetch: "the last hour" stays the last hour as the view refreshes.
      const since = sinceForWindow(window)
      return api.gateways.events(id, { ...rest, since, before: pageParam, limit: TIMELINE_PAGE_SIZE }, signal)
    },
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (lastPage) => lastPage.next_before ?? undefined,
    refetchInterval: TIMELINE_REFETCH_MS,
    placeholderData: keepPreviousData,
  })
}

/** `GET /api/gateways/:id/auth-failures` (viewer): the last 24 hours, per remote address. */
export function useAuthFailures(id: number) {
  return useQuery({
    queryKey: queryKeys.authFailures(id),
    queryFn: ({ signal }) => api.gateways.authFailures(id, {}, signal),
    refetchInterval: TIMELINE_REFETCH_MS,
  })
}
