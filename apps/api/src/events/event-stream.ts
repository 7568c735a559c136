import type { SSEStreamingApi } from 'hono/streaming'
import { compareLogIds, type EventHub, type LoggedEvent } from './event-hub.ts'

export interface EventStreamOptions {
  /** The browser's `Last-Event-ID`: replay what it missed from the event log. */
  lastEventId: string | null
  /** Sent as `retry`: how long a browser waits before reconnecting. */
  retryMs: number
  keepAliveMs: number
  /** Events are written in batches this often, so a burst costs a few writes, not thousands. */
  flushMs: number
  /** A browser that falls this far behind is dropped; it reconnects and resumes or reloads. */
  maxPending: number
  /** Streams end after this long, so the browser reconnects and its session is checked again. */
  maxLifetimeMs: number
}

const frame = ({ id, event }: LoggedEvent) =>
  `id: ${id}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`

/**
 * Feeds one SSE stream: subscribes first (buffering), replays what the browser missed, then
 * writes live events in order, skipping any the replay already covered. Resolves when the stream
 * ends: the browser left, the process shuts down, it fell behind, or its lifetime is over.
 */
export async function runEventStream(stream: SSEStreamingApi, hub: EventHub, options: EventStreamOptions) {
  let pending: LoggedEvent[] = []
  let replaying = true
  let lastSent = options.lastEventId
  let writing = false
  let flushTimer: NodeJS.Timeout | undefined
  let finish: () => void = () => {}
  const finished = new Promise<void>((resolve) => {
    finish = resolve
  })

  const flush = async () => {
    flushTimer = undefined
    if (writing || pending.length === 0 || stream.aborted) return
    const batch = pending.filter((e) => lastSent === null || compareLogIds(e.id, lastSent) > 0)
    pending = []
    const last = batch.at(-1)
    if (!last) return
    lastSent = last.id
    writing = true
    await stream.write(batch.map(frame).join(''))
    writing = false
    if (pending.length > 0) schedule()
  }
  const schedule = () => {
    flushTimer ??= setTimeout(() => void flush().catch(finish), options.flushMs)
  }

  const unsubscribe = hub.subscribe((logged) => {
    pending.push(logged)
    if (pending.length > options.maxPending) return finish()
    if (!replaying) schedule()
  })
  const keepAlive = setInterval(() => {
    if (!writing) void stream.write(': keep-alive\n\n').catch(finish)
  }, options.keepAliveMs)
  const lifetime = setTimeout(finish, options.maxLifetimeMs)
  stream.onAbort(finish)
  hub.closing.addEventListener('abort', finish)

  try {
    await stream.write(`retry: ${options.retryMs}\n\n`)
    if (options.lastEventId !== null) {
      const replay = await hub.replaySince(options.lastEventId)
      if (replay === 'gap') {
        lastSent = await hub.latestId()
        await stream.write(`${lastSent ? `id: ${lastSent}\n` : ''}event: resync\ndata: {}\n\n`)
      } else if (replay.length > 0) {
        lastSent = replay.at(-1)?.id ?? lastSent
        await stream.write(replay.map(frame).join(''))
      }
    } else {
      lastSent = await hub.latestId()
    }
    // Tells the browser the stream is live; its id is where a reconnect resumes from.
    await stream.write(`${lastSent ? `id: ${lastSent}\n` : ''}event: ready\ndata: {}\n\n`)
    replaying = false
    schedule()
    await finished
  } finally {
    unsubscribe()
    clearInterval(keepAlive)
    clearTimeout(lifetime)
    clearTimeout(flushTimer)
    hub.closing.removeEventListener('abort', finish)
  }
}
