import { ApiRequestError, roleAtLeast } from '@mc/shared'
import { api } from '../api/client.ts'
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

/** Asks the API what a refused upgrade would have said: signed out, not an operator, or no such gateway. */
async function diagnoseRefusal(gatewayId: number): Promise<string | null> {
  try {
    const { principal } = await api.auth.me()
    if (!roleAtLeast(principal.role, 'operator'))
      return 'Not authorized: the live connection needs the operator role'
    await api.gateways.get(gatewayId)
    return null
  } catch (error) {
    if (!(error instanceof ApiRequestError)) return null
    if (error.status === 401) return 'Not authorized: the session ended, sign in again'
    if (error.status === 404) return 'Gateway deleted'
    return null
  }
}

export const browserLiveStoreDeps: LiveStoreDeps = {
  diagnose: diagnoseRefusal,
  openSocket: openBrowserSocket,
  now: () => Date.now(),
  random: () => Math.random(),
  setTimer: (run, ms) => window.setTimeout(run, ms),
  clearTimer: (timer) => window.clearTimeout(timer as number),
}
