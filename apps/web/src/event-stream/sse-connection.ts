import { createSseParser, type SseMessage } from './sse-parser.ts'

/**
 * Work on a stream's events goes on for at most this long (ms) before the browser gets to render and
 * answer input: a burst of ten thousand arrives as a few chunks of a megabyte or more, which
 * EventSource would dispatch event by event in one long task each.
 */
export const SLICE_MS = 8
/** Before the server has said `retry`, a dropped stream is reopened this much later (as browsers do). */
export const DEFAULT_RETRY_MS = 3_000

export interface SseHandlers {
  /** Each event, in order. */
  message(message: SseMessage): void
  /** The connection dropped or the server ended the stream: it opens again after the server's `retry`. */
  reconnecting(): void
  /** The server refused the stream (an HTTP error, or not an event stream): no more tries. */
  failed(): void
}

/** A new task, so the browser renders and handles input in between (a message, unlike a timer, is never throttled). */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel()
    port1.onmessage = () => {
      port1.close()
      resolve()
    }
    port2.postMessage(null)
  })
}

const isEventStream = (response: Response) =>
  response.status === 200 && /^text\/event-stream\b/.test(response.headers.get('content-type') ?? '')

/**
 * Follows a server-sent event stream as EventSource does (reconnecting after `retry` with
 * `Last-Event-ID`, giving up on an HTTP error), but read with fetch and handled in slices of
 * SLICE_MS, so a burst never freezes the page. `lastEventId`: where to resume from. Returns a stop.
 */
export function openSse(
  url: string,
  lastEventId: string | null,
  handlers: SseHandlers,
  doFetch: typeof fetch = globalThis.fetch.bind(globalThis),
): () => void {
  const stopped = new AbortController()
  const parser = createSseParser(lastEventId ?? '')
  // The id of the last event handled: a reconnect resumes after it, not after one only parsed.
  let resumeFrom = lastEventId
  let retryTimer: ReturnType<typeof setTimeout> | undefined

  async function read(body: ReadableStream<Uint8Array>) {
    const reader = body.getReader()
    const decoder = new TextDecoder()
    for (;;) {
      const { done, value } = await reader.read()
      if (done) return
      let sliceStart = performance.now()
      for (const message of parser.push(decoder.decode(value, { stream: true }))) {
        if (stopped.signal.aborted) return
        handlers.message(message)
        resumeFrom = message.lastEventId || resumeFrom
        if (performance.now() - sliceStart >= SLICE_MS) {
          await nextTask()
          sliceStart = performance.now()
        }
      }
    }
  }

  async function connect() {
    retryTimer = undefined
    let opened = false
    try {
      const response = await doFetch(url, {
        headers: { accept: 'text/event-stream', ...(resumeFrom ? { 'last-event-id': resumeFrom } : {}) },
        cache: 'no-store',
        credentials: 'same-origin',
        signal: stopped.signal,
      })
      if (!isEventStream(response) || !response.body) {
        void response.body?.cancel()
        if (!stopped.signal.aborted) handlers.failed()
        return
      }
      opened = true
      await read(response.body)
    } catch {
      // A network error, or the stream cut off: as at its end, open it again.
    }
    if (stopped.signal.aborted) return
    handlers.reconnecting()
    // The server's `retry` after a stream it ended; never quicker than the default while it is unreachable.
    const retryMs = parser.retryMs() ?? DEFAULT_RETRY_MS
    retryTimer = setTimeout(connect, opened ? retryMs : Math.max(retryMs, DEFAULT_RETRY_MS))
  }

  void connect()
  return () => {
    stopped.abort()
    clearTimeout(retryTimer)
  }
}
