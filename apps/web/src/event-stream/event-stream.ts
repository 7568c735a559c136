import { MC_EVENT_TYPES, type McEvent } from '@mc/shared'
import type { InvalidateQueryFilters, QueryClient, QueryKey } from '@tanstack/react-query'
import { type GatewayPageParams, queryKeys } from '../api/queries.ts'
import { applyBatch } from './apply-batch.ts'
import { addToBatch, emptyBatch, isEmptyBatch } from './event-batch.ts'
import { announcePrimaryMoves } from './primary-moves.ts'
import { openSse } from './sse-connection.ts'
import type { SseMessage } from './sse-parser.ts'
import { setStreamStatus } from './stream-status.ts'

/** Events are applied to the cache at most this often: a burst of a thousand is one render. */
export const FLUSH_MS = 250
/** A reconnect that takes longer than this switches the views to polling until the stream is back. */
export const POLL_AFTER_MS = 5_000
/** After the browser gave up on the stream (an HTTP error), a new one is tried this much later. */
export const RESTART_MS = 10_000
/**
 * Opened connections, mass expiries and agent status changes are not in the cache (their rows
 * are not in the event): open connection and agent views ask again, at most this often.
 */
export const MEMBERSHIP_REFRESH_MS = 1_000
/**
 * The overview's figures (totals, latency, 24 h uptime, connected agents) are computed by the API:
 * after probe results or a connection change an open overview asks again, at most this often.
 */
export const FLEET_REFRESH_MS = 5_000
/**
 * The status counts (filter chips, the header) and the pages filtered by status are the API's to
 * compute: moved here, a flip that raced a fetch of them was counted twice. After flips they ask
 * again at once, then at most this often.
 */
export const GATEWAY_LISTS_REFRESH_MS = 1_000
/**
 * An incident's notifications change its channels' last delivery and the delivery log, which no
 * event carries: after incident events an open alerts view asks again, at most this often.
 */
export const ALERTS_REFRESH_MS = 5_000

/**
 * Sessions are not in the cache (their place in a filtered list is the API's to judge): after
 * `session.changed` events open session views ask again, at most this often.
 */
export const SESSIONS_REFRESH_MS = 1_000

/** Every view the stream keeps current: asked again when events may have been missed. */
const LIVE_VIEWS = [
  queryKeys.gateways,
  queryKeys.connections,
  queryKeys.agents,
  queryKeys.fleet,
  queryKeys.incidents,
  queryKeys.sessions,
]

/**
 * Refetches the active queries under `keys` at the first request, then at most once every `ms`
 * while requests keep coming (one more at the end of the period for those made during it): one
 * change shows at once, a stream of them costs one refetch per period. A refetch in flight is not
 * cancelled.
 */
function throttledRefresh(
  queryClient: QueryClient,
  keys: readonly (QueryKey | InvalidateQueryFilters)[],
  ms: number,
) {
  let timer: number | undefined
  let requested = false
  const refetch = () => {
    for (const key of keys) {
      const filters = Array.isArray(key) ? { queryKey: key } : key
      void queryClient.invalidateQueries({ ...filters, refetchType: 'active' }, { cancelRefetch: false })
    }
    timer = window.setTimeout(() => {
      timer = undefined
      if (requested) {
        requested = false
        refetch()
      }
    }, ms)
  }
  return {
    request() {
      if (timer === undefined) refetch()
      else requested = true
    },
    cancel: () => window.clearTimeout(timer),
  }
}

const EVENT_TYPES: ReadonlySet<string> = new Set(MC_EVENT_TYPES)

/**
 * Follows `GET /api/events` and patches the query cache with what happens, batched. The stream
 * reconnects by itself and the server replays what was missed (Last-Event-ID); after an HTTP error
 * it gives up, so this opens a new stream later, resuming from the last id it saw. Returns a stop.
 */
export function startEventStream(queryClient: QueryClient, path = '/api/events'): () => void {
  let closeStream = () => {}
  let lastId: string | null = null
  let batch = emptyBatch()
  let flushTimer: number | undefined
  let restartTimer: number | undefined
  let pollTimer: number | undefined
  const membership = throttledRefresh(
    queryClient,
    [queryKeys.connections, queryKeys.agents],
    MEMBERSHIP_REFRESH_MS,
  )
  const fleet = throttledRefresh(queryClient, [queryKeys.fleet], FLEET_REFRESH_MS)
  // Unfiltered pages take a flip in place; a page filtered by status may lose or gain gateways.
  const gatewayLists = throttledRefresh(
    queryClient,
    [
      queryKeys.allGatewayCounts,
      {
        queryKey: queryKeys.gatewayPages,
        predicate: (query) => (query.queryKey[2] as GatewayPageParams | undefined)?.status !== undefined,
      },
    ],
    GATEWAY_LISTS_REFRESH_MS,
  )
  const alerts = throttledRefresh(queryClient, [queryKeys.alerts], ALERTS_REFRESH_MS)
  const sessions = throttledRefresh(queryClient, [queryKeys.sessions], SESSIONS_REFRESH_MS)

  // Only views showing data catch up: a query without any (a 404 page, say) would be reset to
  // loading by a refetch, and has nothing an event could have changed.
  const catchUp = () => {
    for (const queryKey of LIVE_VIEWS) {
      void queryClient.invalidateQueries(
        { queryKey, refetchType: 'active', predicate: (query) => query.state.dataUpdatedAt > 0 },
        { cancelRefetch: false },
      )
    }
  }
  const flush = () => {
    flushTimer = undefined
    const ready = batch
    batch = emptyBatch()
    if (isEmptyBatch(ready)) return
    applyBatch(queryClient, ready)
    announcePrimaryMoves(ready.failovers)
    if (ready.membershipChanged) membership.request()
    if (ready.probed.size > 0 || ready.membershipChanged) fleet.request()
    if (ready.flips.length > 0) gatewayLists.request()
    if (ready.incidents.size > 0) alerts.request()
    if (ready.sessionsChanged) sessions.request()
  }
  const onMessage = ({ type, data, lastEventId }: SseMessage) => {
    if (type === 'ready') {
      // A first stream starts now: what happened between the views' first load and now is not in
      // it, so loaded views ask once more. A resumed stream replayed everything it missed.
      if (lastId === null) catchUp()
      lastId = lastEventId || lastId
      window.clearTimeout(pollTimer)
      pollTimer = undefined
      setStreamStatus('live')
      return
    }
    lastId = lastEventId || lastId
    // The server cannot tell what this browser missed: reload every live view.
    if (type === 'resync') return catchUp()
    if (!EVENT_TYPES.has(type)) return
    try {
      addToBatch(batch, JSON.parse(data) as McEvent)
    } catch {
      return
    }
    flushTimer ??= window.setTimeout(flush, FLUSH_MS)
  }

  const open = () => {
    restartTimer = undefined
    closeStream = openSse(path, lastId, {
      message: onMessage,
      // Streams end every few minutes and resume at once; only a longer outage starts polling.
      reconnecting: () => {
        setStreamStatus('connecting')
        pollTimer ??= window.setTimeout(catchUp, POLL_AFTER_MS)
      },
      failed: () => {
        setStreamStatus('down')
        catchUp()
        restartTimer = window.setTimeout(open, RESTART_MS)
      },
    })
  }

  open()
  return () => {
    closeStream()
    window.clearTimeout(flushTimer)
    window.clearTimeout(restartTimer)
    window.clearTimeout(pollTimer)
    membership.cancel()
    fleet.cancel()
    gatewayLists.cancel()
    alerts.cancel()
    sessions.cancel()
    setStreamStatus('connecting')
  }
}
