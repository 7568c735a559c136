import type { SessionCounts } from '@mc/shared'
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query'
import { pollWhileStreamDown } from '../event-stream/stream-status.ts'
import { api } from './client.ts'
import { queryKeys, type SessionFilters } from './queries.ts'

/**
 * Sessions change with their gateways and with time (ready turns idle): `session.changed` events
 * have the views ask again; while the event stream is down they ask this often.
 */
export const SESSIONS_REFETCH_MS = 10_000
export const SESSIONS_PAGE_SIZE = 50
/** A watcher's status is in no event: a gateway's page asks for it this often. */
export const WATCHER_REFETCH_MS = 15_000

/** `GET /api/sessions` (viewer): newest activity first, `pageSize` at a time, with the counts per state. */
export function useSessions(filters: SessionFilters, pageSize = SESSIONS_PAGE_SIZE) {
  return useInfiniteQuery({
    queryKey: queryKeys.sessionList(filters, pageSize),
    queryFn: ({ pageParam, signal }) =>
      api.sessions.list({ ...filters, limit: pageSize, before: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.next_before ?? undefined,
    refetchInterval: pollWhileStreamDown(SESSIONS_REFETCH_MS),
    placeholderData: keepPreviousData,
  })
}

/** How many sessions of every gateway are in each live state (one row asked for, only the counts kept). */
export function useSessionCounts() {
  return useQuery({
    queryKey: queryKeys.sessionCounts,
    queryFn: ({ signal }) => api.sessions.list({ limit: 1 }, signal),
    select: (data): SessionCounts => data.counts,
    refetchInterval: pollWhileStreamDown(SESSIONS_REFETCH_MS),
  })
}

/** `GET /api/sessions/:id` (viewer): one session; `id` null (not a number in the URL) asks nothing. */
export function useSession(id: number | null) {
  return useQuery({
    queryKey: queryKeys.sessionDetail(id ?? 0),
    queryFn: ({ signal }) => api.sessions.get(id ?? 0, signal),
    enabled: id !== null,
    refetchInterval: pollWhileStreamDown(SESSIONS_REFETCH_MS),
  })
}

/** `GET /api/gateways/:id/watcher` (viewer): the worker watching its sessions, or null. */
export function useGatewayWatcher(id: number) {
  return useQuery({
    queryKey: queryKeys.gatewayWatcher(id),
    queryFn: ({ signal }) => api.gateways.watcher(id, signal),
    refetchInterval: WATCHER_REFETCH_MS,
  })
}
