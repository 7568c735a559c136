import { afterEach, describe, expect, it, vi } from 'vitest'
import { DEFAULT_RETRY_MS, openSse, SLICE_MS, type SseHandlers } from './sse-connection.ts'
import type { SseMessage } from './sse-parser.ts'

const encoder = new TextEncoder()
const frame = (id: string, type: string, data: string) => `id: ${id}\nevent: ${type}\ndata: ${data}\n\n`

/** A stream answer that sends `chunks` and ends. */
const streamOf = (chunks: string[]) =>
  new Response(
    new ReadableStream<Uint8Array>({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(encoder.encode(chunk))
        controller.close()
      },
    }),
    { status: 200, headers: { 'content-type': 'text/event-stream' } },
  )

/** A fetch that answers each call with the next of `answers` (the last repeats) and records the calls. */
function fakeFetch(...answers: (() => Response)[]) {
  const calls: { url: string; lastEventId: string | null }[] = []
  const doFetch = (async (url: string, init?: RequestInit) => {
    calls.push({ url, lastEventId: new Headers(init?.headers).get('last-event-id') })
    return (answers[calls.length - 1] ?? answers.at(-1))?.()
  }) as typeof fetch
  return { doFetch, calls }
}

/** Handlers that record what happened, with a promise for the next time `what` happens. */
function recorder(onMessage: (message: SseMessage) => void = () => {}) {
  const log: string[] = []
  const messages: SseMessage[] = []
  const waiters: { what: string; resolve: () => void }[] = []
  const note = (what: string) => {
    log.push(what)
    for (const waiter of waiters.filter((w) => w.what === what)) waiter.resolve()
  }
  const handlers: SseHandlers = {
    message: (message) => {
      onMessage(message)
      messages.push(message)
      note(`message ${message.type}`)
    },
    reconnecting: () => note('reconnecting'),
    failed: () => note('failed'),
  }
  const next = (what: string) => new Promise<void>((resolve) => waiters.push({ what, resolve }))
  return { handlers, log, messages, next }
}

let stop = () => {}
afterEach(() => {
  stop()
  vi.useRealTimers()
})

describe('openSse', () => {
  it('hands over events across chunks, then after the server ends the stream resumes after the last one', async () => {
    const first = [`retry: 20\n\n${frame('1-0', 'a', '{"n":1}')}id: 2-0\nevent: b\nda`, 'ta: {"n":2}\n\n']
    const { doFetch, calls } = fakeFetch(
      () => streamOf(first),
      () => streamOf([frame('3-0', 'ready', '{}')]),
    )
    const { handlers, log, messages, next } = recorder()
    const ready = next('message ready')
    stop = openSse('/api/events', '0-1', handlers, doFetch)
    await ready

    expect(messages.map((m) => [m.type, m.data, m.lastEventId])).toEqual([
      ['a', '{"n":1}', '1-0'],
      ['b', '{"n":2}', '2-0'],
      ['ready', '{}', '3-0'],
    ])
    expect(log).toEqual(['message a', 'message b', 'reconnecting', 'message ready'])
    expect(calls).toEqual([
      { url: '/api/events', lastEventId: '0-1' },
      { url: '/api/events', lastEventId: '2-0' },
    ])
  })

  it('gives up on an HTTP error, as EventSource does, and asks no more', async () => {
    const { doFetch, calls } = fakeFetch(() => new Response('{"error":"unavailable"}', { status: 503 }))
    const { handlers, log, next } = recorder()
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const failed = next('failed')
    stop = openSse('/api/events', null, handlers, doFetch)
    await failed
    await vi.advanceTimersByTimeAsync(DEFAULT_RETRY_MS * 2)
    expect(log).toEqual(['failed'])
    expect(calls).toEqual([{ url: '/api/events', lastEventId: null }])
  })

  it('lets other tasks run between slices of a long chunk', async () => {
    const count = 40
    const burst = Array.from({ length: count }, (_, i) => frame(`${i + 1}-0`, 'e', String(i))).join('')
    const { doFetch } = fakeFetch(() => streamOf([burst]))
    // Each event takes a quarter of a slice: forty of them are ten slices' work.
    const busy = () => {
      const until = performance.now() + SLICE_MS / 4
      while (performance.now() < until);
    }
    const { handlers, messages, next } = recorder(busy)
    let handledWhenTimerRan: number | null = null
    setTimeout(() => {
      handledWhenTimerRan = messages.length
    }, 0)
    const ended = next('reconnecting')
    stop = openSse('/api/events', null, handlers, doFetch)
    await ended

    expect(messages).toHaveLength(count)
    expect(handledWhenTimerRan).not.toBeNull()
    expect(handledWhenTimerRan).toBeLessThan(count)
  })
})
