import { ApiRequestError, roleAtLeast } from '@mc/shared'
import { api } from '../api/client.ts'
import type { RelaySocket, RelayStoreDeps, SocketHandlers } from './relay-store.ts'
import { relaySocketUrl } from './relay-url.ts'

/** A real WebSocket to `/api/gateways/:id/live` on this origin (the sign-in cookie goes along). */
function openBrowserSocket(gatewayId: number, handlers: SocketHandlers): RelaySocket {
  const ws = new WebSocket(relaySocketUrl(window.location, gatewayId))
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
      return 'Not authorized: the live view needs the operator role'
    await api.gateways.get(gatewayId)
    return null
  } catch (error) {
    if (!(error instanceof ApiRequestError)) return null
    if (error.status === 401) return 'Not authorized: signed out, sign in again'
    if (error.status === 404) return 'Gateway deleted'
    return null
  }
}

export const browserRelayStoreDeps: RelayStoreDeps = {
  diagnose: diagnoseRefusal,
  openSocket: openBrowserSocket,
  now: () => Date.now(),
  random: () => Math.random(),
  setTimer: (run, ms) => window.setTimeout(run, ms),
  clearTimer: (timer) => window.clearTimeout(timer as number),
}
