import { z } from 'zod'

/**
 * The seed's `ConnectionState` of the live gateway connection (`/api/gateways/:id/live`), as the
 * browser shows it: `url` is `ws://host:port` (or `wss://`), `latency` the last round trip in ms,
 * `lastPing` when it was measured (unix ms), `error` why the upstream is not connected.
 */
export const connectionStateSchema = z.object({
  isConnected: z.boolean(),
  url: z.string().nullable(),
  latency: z.number().int().nullable(),
  lastPing: z.number().int().nullable(),
  error: z.string().nullable(),
})
export type ConnectionState = z.infer<typeof connectionStateSchema>

export const DISCONNECTED_STATE: ConnectionState = {
  isConnected: false,
  url: null,
  latency: null,
  lastPing: null,
  error: null,
}

/**
 * Close codes the API uses on the browser's socket. The browser reconnects by itself only after
 * `LIVE_CLOSE.serverRestart`; the others end the relay until the user connects again.
 */
export const LIVE_CLOSE = {
  /** The gateway was deleted. */
  gatewayDeleted: 4404,
  /** The gateway's token changed (or was cleared): the old upstream is gone. */
  tokenChanged: 4409,
  /** The sign-in expired or ended, or the user lost the operator role. */
  unauthorized: 4401,
  /** The api process is shutting down; another replica (or this one, restarted) takes over. */
  serverRestart: 1012,
} as const

/** Messages from the API to the browser on `/api/gateways/:id/live`. The browser sends none. */
export const liveMessageSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('state'),
    gateway_id: z.number().int(),
    gateway_name: z.string(),
    state: connectionStateSchema,
    /** While disconnected: when the next upstream attempt starts (ms from now). */
    reconnect_in_ms: z.number().int().nullable(),
  }),
  z.object({
    type: z.literal('event'),
    gateway_id: z.number().int(),
    /** The gateway's event name: `tick`, `health`, `presence`, `shutdown`, … */
    event: z.string(),
    payload: z.unknown(),
    seq: z.number().int().nullable(),
    /** When the API received it (unix ms). */
    at: z.number().int(),
  }),
])
export type LiveMessage = z.infer<typeof liveMessageSchema>
export type LiveStateMessage = Extract<LiveMessage, { type: 'state' }>
export type LiveEventMessage = Extract<LiveMessage, { type: 'event' }>

/** The path of the live socket of one gateway, below the site root. */
export const liveGatewayPath = (gatewayId: number) => `/api/gateways/${gatewayId}/live`
