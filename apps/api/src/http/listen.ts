import type { AddressInfo } from 'node:net'
import { type ServerType, serve } from '@hono/node-server'
import { StartupError } from '@mc/runtime'
import { WebSocketServer } from 'ws'

type Fetch = Parameters<typeof serve>[0]['fetch']

export interface HttpListener {
  server: ServerType
  port: number
  /**
   * Stops accepting, drops WebSockets still open after a second, and lets requests in flight
   * finish for up to `drainMs` before their connections are cut (an event stream whose browser
   * stopped reading, a request that would outlive the shutdown deadline).
   */
  close(drainMs?: number): Promise<void>
}

/** WebSockets were told to reconnect elsewhere (1012); this long to say goodbye, then they are cut. */
const WEBSOCKET_CLOSE_GRACE_MS = 1000

/**
 * Serves the app over HTTP with WebSocket upgrades (the relays to gateways) and resolves once it
 * listens; a port in use is a StartupError, one line for the operator. Browsers send nothing on
 * those sockets, so incoming frames are kept tiny.
 */
export async function listen(
  fetch: Fetch,
  options: { port: number; hostname: string },
): Promise<HttpListener> {
  const sockets = new WebSocketServer({ noServer: true, perMessageDeflate: false, maxPayload: 4096 })
  const server = serve({
    fetch,
    port: options.port,
    hostname: options.hostname,
    websocket: { server: sockets },
  })
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve)
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new StartupError(`port ${options.port} on ${options.hostname} is in use; set PORT to a free port`)
          : error,
      ),
    )
  })
  let closing = false
  const closeIdleConnections = () => {
    if ('closeIdleConnections' in server) server.closeIdleConnections()
  }
  // Node keeps a keep-alive connection open after the response it was serving, even once the
  // server is closing: close it as soon as that response is out.
  server.on('request', (_req, res) =>
    res.once('finish', () => {
      if (closing) setImmediate(closeIdleConnections)
    }),
  )
  return {
    server,
    port: (server.address() as AddressInfo).port,
    async close(drainMs = 1000) {
      closing = true
      const deadline = Date.now() + drainMs
      // Also closes the keep-alive connections that are idle now.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()))
      const gone = [...sockets.clients].map(
        (ws) =>
          new Promise<void>((resolve) =>
            ws.readyState === ws.CLOSED ? resolve() : ws.once('close', resolve),
          ),
      )
      let timer: NodeJS.Timeout | undefined
      await Promise.race([
        Promise.all(gone),
        new Promise((resolve) => (timer = setTimeout(resolve, Math.min(drainMs, WEBSOCKET_CLOSE_GRACE_MS)))),
      ])
      clearTimeout(timer)
      for (const ws of sockets.clients) ws.terminate()
      // Streams ended meanwhile left idle keep-alive connections, which would hold close() up.
      closeIdleConnections()
      const force = setTimeout(
        () => {
          if ('closeAllConnections' in server) server.closeAllConnections()
        },
        Math.max(0, deadline - Date.now()),
      )
      await closed
      clearTimeout(force)
    },
  }
}
