import type { IncomingMessage, ServerResponse } from 'node:http'
import type { FakeSettings } from './fake-settings.ts'

interface HttpAnswer {
  status: number
  headers: Record<string, string>
  body: string
}

const HTML =
  '<!doctype html><html><head><title>OpenClaw</title></head><body><div id="app"></div></body></html>'

export function htmlAnswer(): HttpAnswer {
  return { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: HTML }
}

/** A whole HTTP/1.1 200 HTML response, for a plain web server that ignores `Upgrade`. */
export function rawHtmlResponse(): string {
  return `HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(HTML)}\r\nConnection: close\r\n\r\n${HTML}`
}

/** The real gateway's unauthenticated HTTP surface: liveness, readiness, startup, and its UI. */
export function httpAnswer(request: IncomingMessage, settings: FakeSettings, startedAt: number): HttpAnswer {
  if (settings.mode === 'http-only') return htmlAnswer()
  const path = new URL(request.url ?? '/', 'http://fake').pathname
  const readOnly = request.method === 'GET' || request.method === 'HEAD'
  const uptimeMs = Date.now() - startedAt
  switch (path) {
    case '/health':
    case '/healthz':
      return readOnly
        ? json(200, { ok: true, status: 'live' })
        : {
            status: 405,
            headers: { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' },
            body: 'Method Not Allowed',
          }
    case '/readyz':
    case '/ready':
      return settings.starting
        ? json(503, { ready: false, failing: ['startup-sidecars'], uptimeMs })
        : json(200, { ready: true, failing: [], uptimeMs })
    case '/startupz':
      return settings.starting
        ? json(503, { ok: false, status: 'starting', version: settings.version })
        : json(200, { ok: true, status: 'started', version: settings.version, uptimeMs })
    default:
      return htmlAnswer()
  }
}

export function writeAnswer(request: IncomingMessage, response: ServerResponse, answer: HttpAnswer): void {
  response.writeHead(answer.status, { ...answer.headers, 'cache-control': 'no-store' })
  response.end(request.method === 'HEAD' ? undefined : answer.body)
}

function json(status: number, body: unknown): HttpAnswer {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify(body),
  }
}
