import http from 'node:http'
import type { AddressInfo } from 'node:net'

export interface AppendingProxy {
  /** e.g. `http://127.0.0.1:41235` */
  url: string
  close(): Promise<void>
}

/**
 * A reverse proxy on loopback in front of `target`, doing what the documented nginx config does:
 * it appends the address each request came from to X-Forwarded-For (`$proxy_add_x_forwarded_for`).
 */
export async function startAppendingProxy(target: string): Promise<AppendingProxy> {
  const upstream = new URL(target)
  const server = http.createServer((req, res) => {
    const forwarded = [req.headers['x-forwarded-for'], req.socket.remoteAddress].filter(Boolean).join(', ')
    const toApi = http.request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, 'x-forwarded-for': forwarded },
        agent: false,
      },
      (fromApi) => {
        res.writeHead(fromApi.statusCode ?? 502, fromApi.headers)
        fromApi.pipe(res)
      },
    )
    toApi.on('error', () => res.writeHead(502).end())
    req.pipe(toApi)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/** One JSON request over a socket bound to `from`, a loopback address of the caller's choice (127.0.0.0/8). */
export function requestFrom(
  from: string,
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: unknown } = {},
): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: init.method ?? 'GET',
        localAddress: from,
        agent: false,
        headers: { 'content-type': 'application/json', ...init.headers },
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString()
          resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : undefined })
        })
        res.on('error', reject)
      },
    )
    req.on('error', reject)
    req.end(init.body === undefined ? undefined : JSON.stringify(init.body))
  })
}
