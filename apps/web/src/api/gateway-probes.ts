import { nowUnixSeconds, type ProbeHistoryResponse, type ProbeRequest } from '@mc/shared'
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useMutationState,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query'
import { isUnfinished } from '../lib/probe-summary.ts'
import { api } from './client.ts'
import { cacheGateways, withProbe } from './gateway-cache.ts'
import { GATEWAYS_REFETCH_MS } from './gateways.ts'
import { queryKeys } from './queries.ts'

const PROBE_MUTATION_KEY = ['gateways', 'probe'] as const

/**
 * `POST /api/gateways/health` (operator): `{}` probes every gateway, `{ id }` one. Answers once the
 * worker has probed them (seconds); 503 when no worker runs. The results go straight into the cached
 * list and pages, then the probe views refetch to show the new ticks.
 */
export function useProbeGateways() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationKey: PROBE_MUTATION_KEY,
    mutationFn: (body: ProbeRequest) => api.gateways.probe(body),
    onSuccess: ({ results }) => {
      // A pending result is the last known state, not news: it must not overwrite what is cached.
      const probed = results.filter((result) => !isUnfinished(result)).map((result) => result.gateway)
      cacheGateways(queryClient, probed, withProbe)
      // Not awaited: the cache already shows the results; the refetch brings the new ticks.
      void queryClient.invalidateQueries({ queryKey: queryKeys.gateways })
    },
  })
}

/** Which gateways a probe is running for right now, from this tab: every one, or some by id. */
export function useProbesInFlight(): { all: boolean; ids: ReadonlySet<number> } {
  const requests = useMutationState({
    filters: { mutationKey: PROBE_MUTATION_KEY, status: 'pending' },
    select: (mutation) => mutation.state.variables as ProbeRequest | undefined,
  })
  const ids = new Set<number>()
  let all = false
  for (const request of requests) {
    if (request?.id !== undefined) ids.add(request.id)
    else if (request?.ids) for (const id of request.ids) ids.add(id)
    else all = true
  }
  return { all, ids }
}

/** How many ticks a card's strip shows. */
export const STRIP_PROBES = 30

/** `GET /api/gateways/health/recent` for the cards on screen (≤200 ids): their latest probes. */
export function useRecentProbes(ids: readonly number[]) {
  return useQuery({
    queryKey: queryKeys.recentProbes(ids),
    queryFn: ({ signal }) => api.gateways.recent([...ids], STRIP_PROBES, signal),
    enabled: ids.length > 0,
    // Probe history is not in the event stream: the strips keep polling.
    refetchInterval: GATEWAYS_REFETCH_MS,
    // Paging keeps the strips of the cards still on screen while the next page's load.
    placeholderData: keepPreviousData,
  })
}

const DAY_S = 86_400
const CHART_PAGE = 1000
/** A probe every 30 s makes 2,880 a day: three pages cover the whole day. */
const CHART_MAX_PAGES = 3

export interface ProbeWindow {
  since: number
  until: number
  probes: ProbeHistoryResponse['probes']
}

/** The last 24 h of a gateway's probes for its latency chart, newest first. */
export function useProbeChart(gatewayId: number) {
  return useQuery({
    queryKey: queryKeys.probeChart(gatewayId),
    queryFn: async (): Promise<ProbeWindow> => {
      const until = nowUnixSeconds()
      const since = until - DAY_S
      const probes: ProbeWindow['probes'] = []
      let before: number | undefined
      for (let page = 0; page < CHART_MAX_PAGES; page += 1) {
        const query = { gateway_id: gatewayId, since, limit: CHART_PAGE, before }
        const result = await api.gateways.history(query)
        probes.push(...result.probes)
        if (result.next_before === null) break
        before = result.next_before
      }
      return { since, until, probes }
    },
    refetchInterval: 30_000,
  })
}

export const PROBE_LOG_PAGE = 50

/** A gateway's probes, newest first, a page at a time (`next_before`). */
export function useProbeLog(gatewayId: number) {
  return useInfiniteQuery({
    queryKey: queryKeys.probeLog(gatewayId),
    queryFn: ({ pageParam }) =>
      api.gateways.history({ gateway_id: gatewayId, limit: PROBE_LOG_PAGE, before: pageParam }),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (lastPage) => lastPage.next_before ?? undefined,
    refetchInterval: 30_000,
  })
}
