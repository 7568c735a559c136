import { upgradeWebSocket, type WebSocketLike } from '@hono/node-server'
import { findGateway } from '@mc/db'
import { LIVE_CLOSE, roleAtLeast } from '@mc/shared'
import type { Context } from 'hono'
import type { WSContext } from 'hono/ws'
import type { RouteDeps } from '../../app-deps.ts'
import { assertFromThisSite } from '../../auth/same-origin.ts'
import type { AppEnv } from '../../http/app-env.ts'
import { HttpError } from '../../http/http-error.ts'
import type { RouteDef } from '../../http/route.ts'
import { idParamsSchema, parseId } from '../../http/validation.ts'
import type { RelayWatcher } from '../../relay/relay-hub.ts'

type RelayRouteDeps = Pick<RouteDeps, 'db' | 'config' | 'relay' | 'authenticate'>

/** A browser that reads this much slower than the gateway talks is dropped rather than buffered. */
const MAX_BUFFERED_BYTES = 4 * 1024 * 1024
const OPEN = 1

function browserWatcher(ws: WSContext<WebSocketLike>): RelayWatcher {
  return {
    send(message) {
      if (ws.readyState !== OPEN) return
      const buffered = (ws.raw as { bufferedAmount?: number } | undefined)?.bufferedAmount ?? 0
      if (buffered > MAX_BUFFERED_BYTES) return ws.close(1013, 'too slow: connect again')
      ws.send(JSON.stringify(message))
    },
    close: (code, reason) => ws.close(code, reason),
  }
}

/**
 * Re-checks the credential the socket was opened with, so a sign-in that is signed out, expires or
 * loses the operator role stops watching (close LIVE_CLOSE.unauthorized) within one interval.
 */
function watchCredential(deps: RelayRouteDeps, c: Context<AppEnv>, ws: WSContext<WebSocketLike>) {
  const timer = setInterval(async () => {
    try {
      const { principal } = await deps.authenticate(c)
      if (roleAtLeast(principal.role, 'operator')) return
    } catch (error) {
      if (!(error instanceof HttpError)) return // the database is away: keep watching, try again later
    }
    ws.close(LIVE_CLOSE.unauthorized, 'sign in again')
  }, deps.config.LIVE_REAUTH_INTERVAL_MS)
  return () => clearInterval(timer)
}

/** The relay: a browser's WebSocket through this api to one gateway. */
export function gatewayRelayRoutes(deps: RelayRouteDeps): RouteDef[] {
  const { db, config, relay } = deps
  return [
    {
      method: 'GET',
      path: '/gateways/:id/live',
      access: 'operator',
      doc: {
        summary: "Relay a gateway's live connection",
        description:
          'A WebSocket (GET with `Upgrade: websocket`) through this API to the gateway, which holds ' +
          "the gateway's token; the browser needs none. The API sends JSON messages (`state`: the " +
          "seed's ConnectionState of the upstream; `event`: what the gateway sent) and reads none. " +
          'The socket closes with 4404 when the gateway is deleted, 4409 when its token changes, ' +
          '4401 when the sign-in ends or loses the operator role, 1012 when the API restarts ' +
          '(reconnect), 1013 when the browser reads too slowly. A signed-in browser must open it ' +
          'from this site (403 otherwise). 426 without the upgrade.',
        params: idParamsSchema,
        responses: {
          101: {
            contentType: 'text/plain',
            description:
              'Switches to a WebSocket (no body); each message the API sends on it is one JSON live message, `type` `state` or `event`.',
          },
        },
        errors: [404, 426],
      },
      handler: async (c) => {
        const id = parseId(c)
        // WebSockets ignore CORS: a page on another site could open one with the user's cookie.
        if (c.var.credential === 'sign_in') assertFromThisSite(c, config.TRUST_PROXY)
        const gateway = await findGateway(db, id)
        if (!gateway) throw new HttpError(404, `no gateway with id ${id}`)
        if (c.req.header('upgrade')?.toLowerCase() !== 'websocket') {
          throw new HttpError(
            426,
            'this is a WebSocket endpoint: open it with a WebSocket client',
            undefined,
            {
              upgrade: 'websocket',
            },
          )
        }
        let leave = () => {}
        return upgradeWebSocket(c, {
          onOpen(_event, ws) {
            const stopChecking = watchCredential(deps, c, ws)
            const unwatch = relay.watch(gateway, browserWatcher(ws))
            leave = () => {
              stopChecking()
              unwatch()
            }
          },
          onClose: () => leave(),
        })
      },
    },
  ]
}
