import type { LiveSocket, LiveStoreDeps, SocketHandlers } from './live-store.ts'
import { liveSocketUrl } from './live-url.ts'

/** A real WebSocket to `/api/gateways/:id/live` on this origin (the session cookie goes along). */
function openBrowserSocket(gatewayId: number, handlers: SocketHandlers): LiveSocket {
  const ws = new WebSocket(liveSocketUrl(window.location, gatewayId))
  ws.onopen = () => handlers.onOpen()
  ws.onmessage = (event) => handlers.onMessage(event.data)
  ws.onclose = (event) => handlers.onClose(event.code, event.reason)
  return {
    close(code, reason) {
      ws.onopen = null
      ws.onmessage = null
      ws.onclose = null
      ws.close(code, reason)
    },
  }
}

export const browserLiveStoreDeps: LiveStoreDeps = {
  openSocket: openBrowserSocket,
  now: () => Date.now(),
  random: () => Math.random(),
  setTimer: (run, ms) => window.setTimeout(run, ms),
  clearTimer: (timer) => window.clearTimeout(timer as number),
}
