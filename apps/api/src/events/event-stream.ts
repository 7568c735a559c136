import type { SSEStreamingApi } from 'hono/streaming'
import { compareLogIds, type EventHub, type LoggedEvent, MAX_REPLAY } from './event-hub.ts'

export interface EventStreamOptions {
  /** Sent as `retry`: how long a browser waits before reconnecting. */
  retryMs: number
  keepAliveMs: number
  /** Events are written in batches this often, so a burst costs a few writes, not thousands. */
  flushMs: number
  /** Streams end after this long, so the browser reconnects and its sign-in is checked again. */
  maxLifetimeMs: number
}

/** A browser this far behind is dropped; it reconnects and resumes (the log still reaches back). */
const MAX_PENDING = MAX_REPLAY
/** When a stream ends at its lifetime the browser comes back at once, missing next to nothing. */
const RESUME_RETRY_MS = 100

const frame = ({ id, event, json }: LoggedEvent) => `id: ${id}\nevent: ${event.type}\ndata: ${json}\n\n`
const control = (event: 'ready' | 'resync', id: string | null) =>
  `${id ? `id: ${id}\n` : ''}event: ${event}\ndata: {}\n\n`

/**
 * Opens one browser's stream: subscribes first (buffering), then works out where it starts (the
 * events it missed since `lastEventId`, or `resync` when the log does not reach back, or now).
 * Throws when Redis does not answer, before anything is sent, so the route can answer 503.
 */
export async function openEventStream(hub: EventHub, lastEventId: string | null) {
  let pending: LoggedEvent[] = []
  let wake: () => void = () => {}
  let resync = false
  let overflow = false
  const unsubscribe = hub.subscribe(
    (logged) => {
      // A browser that stopped reading costs bounded memory: beyond this it is dropped.
      if (pending.length >= MAX_PENDING) overflow = true
      else pending.push(logged)
      wake()
    },
    () => {
      resync = true
      wake()
    },
  )

  let head: string
  let lastSent: string | null
  try {
    if (lastEventId === null) {
      lastSent = await hub.latestId()
      head = ''
    } else {
      const replay = await hub.replaySince(lastEventId)
      if (replay === 'gap') {
        lastSent = await hub.latestId()
        head = control('resync', lastSent)
      } else {
        lastSent = replay.at(-1)?.id ?? lastEventId
        head = replay.map(frame).join('')
      }
    }
  } catch (error) {
    unsubscribe()
    throw error
  }

  /**
   * Writes the start, then live events in order (skipping any the start already covered) in
   * batches, until the browser leaves, the process shuts down, it falls behind, or its lifetime
   * is over. Always unsubscribes.
   */
  async function run(stream: SSEStreamingApi, options: EventStreamOptions): Promise<void> {
    let ended = false
    const end = () => {
      ended = true
      wake()
    }
    const keepAlive = setInterval(() => {
      if (pending.length === 0) stream.write(': keep-alive\n\n').catch(end)
    }, options.keepAliveMs)
    let expired = false
    const lifetime = setTimeout(() => {
      expired = true
      end()
    }, options.maxLifetimeMs)
    stream.onAbort(end)
    hub.closing.addEventListener('abort', end)
    try {
      await stream.write(`retry: ${options.retryMs}\n\n${head}${control('ready', lastSent)}`)
      while (!ended && !overflow && !stream.aborted) {
        if (pending.length === 0 && !resync) {
          await new Promise<void>((resolve) => {
            wake = resolve
          })
          continue
        }
        // Let a burst gather, then write it in one go.
        await new Promise((resolve) => setTimeout(resolve, options.flushMs))
        if (resync) {
          resync = false
          pending = []
          lastSent = await hub.latestId()
          await stream.write(control('resync', lastSent))
          continue
        }
        // The channel delivers in log order: what the start already covered is a prefix.
        const sent = lastSent
        const fresh = sent === null ? 0 : pending.findIndex((e) => compareLogIds(e.id, sent) > 0)
        const batch = fresh === 0 ? pending : fresh === -1 ? [] : pending.slice(fresh)
        pending = []
        const last = batch.at(-1)
        if (!last) continue
        lastSent = last.id
        await stream.write(batch.map(frame).join(''))
      }
      if (expired && !stream.aborted) await stream.write(`retry: ${RESUME_RETRY_MS}\n\n`)
    } finally {
      wake = () => {}
      unsubscribe()
      clearInterval(keepAlive)
      clearTimeout(lifetime)
      hub.closing.removeEventListener('abort', end)
    }
  }

  return { run }
}
