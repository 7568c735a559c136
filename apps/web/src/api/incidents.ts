import type { Incident, IncidentStatus } from '@mc/shared'
import {
  infiniteQueryOptions,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query'
import { pollWhileStreamDown } from '../event-stream/stream-status.ts'
import { api } from './client.ts'
import { cacheIncidents, gatewaysWithIncidents } from './incident-cache.ts'
import { queryKeys } from './queries.ts'

/** The event stream patches incidents; while it is down, their views ask again this often. */
export const INCIDENTS_REFETCH_MS = 10_000

/**
 * Open and acknowledged incidents are few, and the gateway badges need all of them: one big page.
 * Resolved ones are history, 50 at a time.
 */
export const INCIDENTS_PAGE_SIZE: Record<IncidentStatus, number> = {
  open: 500,
  acknowledged: 500,
  resolved: 50,
}

const incidentListQuery = (status: IncidentStatus) =>
  infiniteQueryOptions({
    queryKey: queryKeys.incidentList(status),
    queryFn: ({ pageParam, signal }) =>
      api.incidents.list({ status, limit: INCIDENTS_PAGE_SIZE[status], before: pageParam }, signal),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (lastPage) => lastPage.next_before ?? undefined,
    refetchInterval: pollWhileStreamDown(INCIDENTS_REFETCH_MS),
  })

/** `GET /api/incidents?status=` (viewer): one status, newest first, a page at a time. */
export function useIncidentList(status: IncidentStatus) {
  return useInfiniteQuery(incidentListQuery(status))
}

/** The gateways with an open or acknowledged incident (the gravest one each), for their cards. */
export function useGatewayIncidents(): ReadonlyMap<number, Incident> {
  const open = useIncidentList('open')
  const acknowledged = useIncidentList('acknowledged')
  return gatewaysWithIncidents([open.data, acknowledged.data])
}

/** `GET /api/incidents/:id` (viewer): the incident and its timeline. */
export function useIncidentDetail(id: number | null) {
  return useQuery({
    queryKey: queryKeys.incidentDetail(id ?? 0),
    queryFn: ({ signal }) => api.incidents.get(id ?? 0, signal),
    enabled: id !== null,
    refetchInterval: pollWhileStreamDown(INCIDENTS_REFETCH_MS),
  })
}

export type IncidentAction = 'acknowledge' | 'resolve'

/**
 * `POST /api/incidents/:id/ack` or `/resolve` (operator): the answer moves the incident in every
 * cached view at once; its page refetches for the new timeline entry.
 */
export function useIncidentAction() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, action }: { id: number; action: IncidentAction }) =>
      action === 'acknowledge' ? api.incidents.acknowledge(id) : api.incidents.resolve(id),
    onSuccess: ({ incident }) => {
      cacheIncidents(queryClient, [incident])
      void queryClient.invalidateQueries({ queryKey: queryKeys.incidentDetail(incident.id) })
    },
  })
}
