import type { AddressInfo } from 'node:net'
import { type ServerType, serve } from '@hono/node-server'
import { WebSocketServer } from 'ws'

type Fetch = Parameters<typeof serve>[0]['fetch']

export interface HttpListener {
  server: ServerType
  port: number
  /**
   * Stops accepting, drops WebSockets still open after `graceMs`, and gives requests as long again
   * to end before their connections are closed (an event stream whose browser stopped reading).
   */
  close(graceMs?: number): Promise<void>
}

/**
 * Serves the app over HTTP with WebSocket upgrades (the live gateway sockets) and resolves once it
 * listens. Browsers send nothing on those sockets, so incoming frames are kept tiny.
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
    server.once('error', reject)
  })
  return {
    server,
    port: (server.address() as AddressInfo).port,
    async close(graceMs = 1000) {
      const closing = new Promise<void>((resolve) => {
        server.close(() => resolve())
        if ('closeIdleConnections' in server) server.closeIdleConnections()
      })
      const gone = [...sockets.clients].map(
        (ws) =>
          new Promise<void>((resolve) =>
            ws.readyState === ws.CLOSED ? resolve() : ws.once('close', resolve),
          ),
      )
      let timer: NodeJS.Timeout | undefined
      await Promise.race([
        Promise.all(gone),
        new Promise((resolve) => (timer = setTimeout(resolve, graceMs))),
      ])
      clearTimeout(timer)
      for (const ws of sockets.clients) ws.terminate()
      // Streams ended meanwhile left idle keep-alive connections, which would hold close() up.
      if ('closeIdleConnections' in server) server.closeIdleConnections()
      const force = setTimeout(() => {
        if ('closeAllConnections' in server) server.closeAllConnections()
      }, graceMs)
      await closing
      clearTimeout(force)
    },
  }
}
