import { EventEmitter } from 'node:events'
import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'
import { waitForCount } from './wait-for-count.ts'

/** One request as the recorder received it; `body` is the raw text, byte for byte as sent. */
export interface RecordedRequest {
  method: string
  path: string
  headers: IncomingHttpHeaders
  body: string
}

export interface RecorderAnswer {
  status: number
  body?: string
  headers?: Record<string, string>
}

/** Decides each answer: a function of the request, or statuses to answer in turn (then 200). */
export type Responder = ((request: RecordedRequest) => RecorderAnswer | number) | number[]

export interface HttpRecorder {
  /** `http://127.0.0.1:PORT` plus `path` (default `/`). */
  url(path?: string): string
  /** Every request so far, oldest first. */
  requests: RecordedRequest[]
  respondWith(responder: Responder): void
  /** Resolves once `count` requests have arrived (fails after the test patience). */
  waitFor(count: number): Promise<RecordedRequest[]>
  close(): Promise<void>
}

/**
 * A real HTTP server on loopback that records every request and answers as told (200 "ok" unless
 * `respondWith` says otherwise): a stand-in for a webhook, Slack, Discord or ntfy receiver.
 */
export async function startHttpRecorder(options: { respondWith?: Responder } = {}): Promise<HttpRecorder> {
  const requests: RecordedRequest[] = []
  const arrivals = new EventEmitter()
  let answer = answerer(options.respondWith)

  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const request: RecordedRequest = {
      method: req.method ?? '',
      path: req.url ?? '',
      headers: req.headers,
      body: Buffer.concat(chunks).toString('utf8'),
    }
    requests.push(request)
    const { status, body = status < 300 ? 'ok' : `error ${status}`, headers = {} } = answer(request)
    res.writeHead(status, { 'Content-Type': 'text/plain', ...headers }).end(body)
    arrivals.emit('request')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo

  return {
    url: (path = '/') => `http://127.0.0.1:${port}${path.startsWith('/') ? path : `/${path}`}`,
    requests,
    respondWith(responder) {
      answer = answerer(responder)
    },
    waitFor: (count) => waitForCount(arrivals, 'request', () => requests, count, 'HTTP requests'),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()))
        server.closeAllConnections()
      }),
  }
}

function answerer(responder: Responder | undefined): (request: RecordedRequest) => RecorderAnswer {
  if (responder === undefined) return () => ({ status: 200 })
  if (Array.isArray(responder)) {
    const statuses = [...responder]
    return () => ({ status: statuses.shift() ?? 200 })
  }
  return (request) => {
    const answer = responder(request)
    return typeof answer === 'number' ? { status: answer } : answer
  }
}
