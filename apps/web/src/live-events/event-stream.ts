import { MC_EVENT_TYPES, type McEvent } from '@mc/shared'
import type { QueryClient } from '@tanstack/react-query'
import { queryKeys } from '../api/queries.ts'
import { applyBatch } from './apply-batch.ts'
import { addToBatch, emptyBatch, isEmptyBatch } from './event-batch.ts'
import { setStreamStatus } from './stream-status.ts'

/** Events are applied to the cache at most this often: a burst of a thousand is one render. */
export const FLUSH_MS = 250
/** A reconnect that takes longer than this switches the views to polling until the stream is back. */
export const POLL_AFTER_MS = 5_000
/** After the browser gave up on the stream (an HTTP error), a new one is tried this much later. */
export const RESTART_MS = 10_000

/** Every view the stream keeps current: asked again when events may have been missed. */
const LIVE_VIEWS = [queryKeys.gateways, queryKeys.connections, queryKeys.agents, queryKeys.fleet]
/**
 * The overview's aggregates (24 h uptime, connected agents) are computed by the API: after a flip or
 * a connection change an open overview asks again, at most this often.
 */
export const FLEET_REFRESH_MS = 5_000

/**
 * Follows `GET /api/events` and patches the query cache with what happens, batched. The browser
 * reconnects by itself and the server replays what was missed (Last-Event-ID); after an HTTP error
 * it gives up, so this opens a new stream later, resuming from the last id it saw. Returns a stop.
 */
export function startEventStream(queryClient: QueryClient, path = '/api/events'): () => void {
  let source: EventSource | null = null
  let lastId: string | null = null
  let batch = emptyBatch()
  let flushTimer: number | undefined
  let restartTimer: number | undefined
  let pollTimer: number | undefined
  let fleetTimer: number | undefined

  const catchUp = () => {
    for (const queryKey of LIVE_VIEWS) void queryClient.invalidateQueries({ queryKey, refetchType: 'active' })
  }
  const flush = () => {
    flushTimer = undefined
    const ready = batch
    batch = emptyBatch()
    if (isEmptyBatch(ready)) return
    applyBatch(queryClient, ready)
    if (ready.flips.length > 0 || ready.membershipChanged) {
      fleetTimer ??= window.setTimeout(() => {
        fleetTimer = undefined
        void queryClient.invalidateQueries({ queryKey: queryKeys.fleet, refetchType: 'active' })
      }, FLEET_REFRESH_MS)
    }
  }
  const onEvent = (message: MessageEvent<string>) => {
    lastId = message.lastEventId || lastId
    try {
      addToBatch(batch, JSON.parse(message.data) as McEvent)
    } catch {
      return
    }
    flushTimer ??= window.setTimeout(flush, FLUSH_MS)
  }

  const open = () => {
    restartTimer = undefined
    const url = lastId ? `${path}?last_event_id=${encodeURIComponent(lastId)}` : path
    const current = new EventSource(url)
    source = current
    for (const type of MC_EVENT_TYPES) current.addEventListener(type, onEvent)
    current.addEventListener('ready', (message) => {
      lastId = message.lastEventId || lastId
      window.clearTimeout(pollTimer)
      pollTimer = undefined
      setStreamStatus('live')
    })
    // The server's log no longer reaches back to where this browser was: reload every live view.
    current.addEventListener('resync', (message) => {
      lastId = message.lastEventId || lastId
      catchUp()
    })
    current.addEventListener('error', () => {
      if (current.readyState !== EventSource.CLOSED) {
        // Streams end every few minutes and resume at once; only a longer outage starts polling.
        setStreamStatus('connecting')
        pollTimer ??= window.setTimeout(catchUp, POLL_AFTER_MS)
        return
      }
      current.close()
      setStreamStatus('down')
      catchUp()
      restartTimer = window.setTimeout(open, RESTART_MS)
    })
  }

  open()
  return () => {
    source?.close()
    window.clearTimeout(flushTimer)
    window.clearTimeout(restartTimer)
    window.clearTimeout(pollTimer)
    window.clearTimeout(fleetTimer)
    setStreamStatus('connecting')
  }
}
