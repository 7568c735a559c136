import { errorMessage } from '@mc/shared'
import WebSocket from 'ws'
import type { ConnectParams } from '../protocol/connect-params.ts'
import { PROTOCOL_VERSION } from '../protocol/constants.ts'
import { helloOkSchema } from '../protocol/hello.ts'
import { createDeadline } from './deadline.ts'
import { FrameChannel, type GatewayEvent } from './frame-channel.ts'
import { GatewayClient } from './gateway-client.ts'
import { GatewayError } from './gateway-error.ts'
import { type GatewayTarget, targetUrl, tokenRedactor } from './target.ts'

export interface ConnectOptions {
  /** Sent as `client.version`. */
  clientVersion: string
  /** Requested operator scopes; default `['operator.read']`. */
  scopes?: readonly string[]
  /** Deadline for the whole handshake (TCP, TLS, upgrade, challenge, connect); default 10 s. */
  timeoutMs?: number
  signal?: AbortSignal
  /** Subscribed before the handshake, so no event right behind hello-ok is missed. */
  onEvent?: (event: GatewayEvent) => void
}

const DEFAULT_HANDSHAKE_TIMEOUT_MS = 10_000
// Above the gateway's own policy.maxPayload (25 MiB): hello-ok snapshots can be large.
const MAX_PAYLOAD_BYTES = 32 * 1024 * 1024
// How long to wait for the close code that follows a rejected connect (the gateway sends it at once).
const REJECTION_CLOSE_WAIT_MS = 1000

/**
 * Opens a WebSocket to the gateway, waits for `connect.challenge`, sends `connect` as a device-less
 * backend client and resolves on hello-ok. Rejects with a GatewayError; the socket is gone by then.
 */
export async function connectGateway(target: GatewayTarget, options: ConnectOptions): Promise<GatewayClient> {
  const redact = tokenRedactor(target.token)
  const deadline = createDeadline(options.timeoutMs ?? DEFAULT_HANDSHAKE_TIMEOUT_MS, options.signal)
  let url: string
  let socket: WebSocket
  try {
    url = targetUrl(target)
    socket = new WebSocket(url, {
      perMessageDeflate: false,
      maxPayload: MAX_PAYLOAD_BYTES,
      followRedirects: false,
      rejectUnauthorized: !target.tlsInsecure,
    })
  } catch (error) {
    deadline.dispose()
    const reason = errorMessage(error)
    throw new GatewayError({ kind: 'invalid-target', message: redact(`invalid gateway address: ${reason}`) })
  }
  const channel = new FrameChannel(socket, redact)
  if (options.onEvent) channel.onEvent(options.onEvent)
  try {
    await channel.waitForChallenge(deadline.signal)
    const answer = await channel.timedRequest('connect', connectParams(target.token, options), {
      signal: deadline.signal,
      timeoutMs: Number.POSITIVE_INFINITY,
    })
    const hello = helloOkSchema.safeParse(answer.payload)
    if (!hello.success) {
      throw new GatewayError({
        kind: 'not-gateway',
        message: 'not an OpenClaw gateway (connect answer is not hello-ok)',
      })
    }
    channel.markReady()
    // The snapshot (presence, health: ≈24 KB on a busy gateway) is of no use after the handshake, and
    // a long-lived client (a watcher, the relay) would hold it for the life of its connection.
    const { snapshot: _snapshot, ...kept } = hello.data
    // From the open socket, not from the start: a socket that waits for the event loop before it even
    // connects (a sweep starts many) must not count that wait as the gateway's.
    const handshakeMs = Math.round(answer.arrivedAt - (channel.openedAt ?? answer.arrivedAt))
    return new GatewayClient(channel, url, kept, handshakeMs)
  } catch (error) {
    throw await handshakeFailure(channel, error, deadline.signal)
  } finally {
    deadline.dispose()
  }
}

function connectParams(token: string | null, options: ConnectOptions): ConnectParams {
  return {
    minProtocol: PROTOCOL_VERSION,
    maxProtocol: PROTOCOL_VERSION,
    client: {
      id: 'gateway-client',
      version: options.clientVersion || 'unknown',
      platform: process.platform,
      mode: 'backend',
    },
    role: 'operator',
    scopes: [...(options.scopes ?? ['operator.read'])],
    ...(token ? { auth: { token } } : {}),
  }
}

/** Closes what is left and returns the error to throw: a rejection gets the close code that follows it. */
async function handshakeFailure(
  channel: FrameChannel,
  error: unknown,
  signal: AbortSignal,
): Promise<GatewayError> {
  const failure = GatewayError.from(error)
  if (failure.kind !== 'rejected') {
    await channel.terminate()
    return failure
  }
  const close = await closeWithin(channel, REJECTION_CLOSE_WAIT_MS, signal)
  await channel.terminate()
  return failure.withClose(close?.code ?? null, close?.reason || null)
}

function closeWithin(channel: FrameChannel, timeoutMs: number, signal: AbortSignal) {
  return new Promise<{ code: number; reason: string } | null>((resolve) => {
    const finish = (value: { code: number; reason: string } | null) => {
      clearTimeout(timer)
      signal.removeEventListener('abort', onAbort)
      resolve(value)
    }
    const onAbort = () => finish(null)
    const timer = setTimeout(onAbort, timeoutMs)
    signal.addEventListener('abort', onAbort, { once: true })
    if (signal.aborted) onAbort()
    void channel.closed.then(finish)
  })
}
