import { connectGateway, type GatewayClient, GatewayError, type GatewayEvent } from '@mc/openclaw'
import type { Logger } from '@mc/runtime'
import {
  type ConnectionState,
  DISCONNECTED_STATE,
  errorMessage,
  gatewayUrl,
  type LiveEventMessage,
  type LiveStateMessage,
} from '@mc/shared'
import { type BackoffPolicy, backoffDelay } from './backoff.ts'

/** Where a gateway is and how to log in, read fresh before every attempt. */
export interface UpstreamTarget {
  name: string
  host: string
  port: number
  /** Decrypted: handed to connectGateway only, never logged or relayed. */
  token: string | null
  tlsInsecure: boolean
}

/** null: the gateway no longer exists. `problem`: why the stored gateway cannot be connected to. */
export type TargetLookup = () => Promise<{ target: UpstreamTarget; problem: string | null } | null>

export interface UpstreamOptions {
  gatewayId: number
  /** What the browser is shown until the first lookup. */
  name: string
  url: string | null
  lookup: TargetLookup
  pingIntervalMs: number
  /** Deadline of the handshake and of each ping. */
  timeoutMs: number
  backoff: BackoffPolicy
  logger: Logger
  onState(message: LiveStateMessage): void
  onEvent(message: LiveEventMessage): void
  /** A reconnect found the gateway deleted. */
  onGone(): void
}

const CLIENT_VERSION = 'mission-control'
const CLOSE_TIMEOUT_MS = 1000

/** The WebSocket URL of an address, or null when it does not make one. */
export function safeGatewayUrl(host: string, port: number): string | null {
  try {
    return gatewayUrl(host, port)
  } catch {
    return null
  }
}

function shutdownReason(payload: unknown): string {
  const reason = (payload as { reason?: unknown } | null)?.reason
  return typeof reason === 'string' && reason ? reason : 'gateway shutting down'
}

/**
 * One gateway connection shared by every browser watching that gateway in this process: connects
 * with the stored token, relays events, measures latency with a `health` request every
 * `pingIntervalMs`, and reconnects with exponential backoff when the gateway goes away.
 */
export class GatewayUpstream {
  readonly #options: UpstreamOptions
  #name: string
  #state: ConnectionState
  #tlsInsecure = false
  #nextAttemptAt: number | null = null
  #connection: GatewayClient | null = null
  #abort: AbortController | null = null
  #attempt: Promise<void> | null = null
  #timer: NodeJS.Timeout | undefined
  /** Why we dropped the connection ourselves (a ping without answer), for the state that follows. */
  #dropReason: string | null = null
  #failures = 0
  /** When the current connection completed its handshake (null while not connected). */
  #connectedAt: number | null = null
  /** Bumped by every attempt and every drop: callbacks of an older one are ignored. */
  #generation = 0
  #closed = false

  constructor(options: UpstreamOptions) {
    this.#options = options
    this.#name = options.name
    this.#state = { ...DISCONNECTED_STATE, url: options.url }
  }

  /** What a browser is sent now, and on every change. */
  get message(): LiveStateMessage {
    const next = this.#nextAttemptAt
    return {
      type: 'state',
      gateway_id: this.#options.gatewayId,
      gateway_name: this.#name,
      state: { ...this.#state },
      reconnect_in_ms: next === null ? null : Math.max(0, next - Date.now()),
    }
  }

  start(): void {
    this.#attempt = this.#connect(++this.#generation)
  }

  /**
   * The gateway was edited (maybe by another replica): follow a rename, reconnect if it moved. One
   * waiting to reconnect tries again at once: the change may be what it was waiting for (a rotated
   * token stored after the gateway closed the connection on the old one).
   */
  update(change: { name: string; host: string; port: number; tlsInsecure: boolean }): void {
    if (this.#closed) return
    const moved =
      safeGatewayUrl(change.host, change.port) !== this.#state.url || change.tlsInsecure !== this.#tlsInsecure
    const renamed = change.name !== this.#name
    this.#name = change.name
    if (moved || this.#nextAttemptAt !== null) this.reconnectNow()
    else if (renamed) this.#options.onState(this.message)
  }

  /** Drops the current connection or wait and connects again at once, re-reading the gateway. */
  reconnectNow(): void {
    if (this.#closed) return
    void this.#drop()
    this.#failures = 0
    this.#setState({ ...DISCONNECTED_STATE, url: this.#state.url })
    this.start()
  }

  /** Stops for good: aborts an attempt in flight and closes the connection. */
  async close(): Promise<void> {
    this.#closed = true
    const attempt = this.#attempt
    await Promise.all([this.#drop(), attempt])
  }

  #drop(): Promise<void> {
    this.#generation++
    this.#abort?.abort()
    this.#abort = null
    clearTimeout(this.#timer)
    this.#nextAttemptAt = null
    const connection = this.#connection
    this.#connection = null
    return connection ? connection.close({ timeoutMs: CLOSE_TIMEOUT_MS }) : Promise.resolve()
  }

  async #connect(generation: number): Promise<void> {
    const current = () => generation === this.#generation && !this.#closed
    const { gatewayId, logger } = this.#options
    let found: Awaited<ReturnType<TargetLookup>>
    try {
      found = await this.#options.lookup()
    } catch (error) {
      const err = errorMessage(error)
      logger.warn({ gateway_id: gatewayId, err }, 'relay gateway lookup failed')
      if (current()) this.#lost(generation, 'could not read the gateway from the database')
      return
    }
    if (!current()) return
    if (!found) return this.#options.onGone()
    const { target, problem } = found
    this.#name = target.name
    this.#tlsInsecure = target.tlsInsecure
    const url = safeGatewayUrl(target.host, target.port)
    if (problem) return this.#lost(generation, problem, url)
    if (url !== this.#state.url) this.#setState({ ...DISCONNECTED_STATE, url })

    const abort = new AbortController()
    this.#abort = abort
    const early: GatewayEvent[] = []
    let connected = false
    let shutdown: string | null = null
    let connection: GatewayClient
    try {
      connection = await connectGateway(target, {
        clientVersion: CLIENT_VERSION,
        scopes: ['operator.read'],
        timeoutMs: this.#options.timeoutMs,
        signal: abort.signal,
        onEvent: (event) => {
          if (!current()) return
          if (event.event === 'shutdown') shutdown = shutdownReason(event.payload)
          if (connected) this.#relay(event)
          else early.push(event)
        },
      })
    } catch (error) {
      if (current()) this.#lost(generation, GatewayError.from(error).message, url)
      return
    }
    if (!current()) return void (await connection.close({ timeoutMs: CLOSE_TIMEOUT_MS }))

    this.#abort = null
    this.#connection = connection
    this.#connectedAt = Date.now()
    connected = true
    this.#setState({ isConnected: true, url: connection.url, latency: null, lastPing: null, error: null })
    logger.info({ gateway_id: gatewayId, url: connection.url }, 'relay upstream connected')
    for (const event of early) this.#relay(event)
    void connection.closed.then((close) => {
      if (!current()) return
      this.#connection = null
      const closed = `close ${close.code}${close.reason ? `: ${close.reason}` : ''}`
      const why =
        (shutdown && `${shutdown} (${closed})`) ||
        this.#dropReason ||
        close.error?.message ||
        `the gateway closed the connection (${closed})`
      this.#lost(generation, why)
    })
    void this.#ping(generation, connection)
  }

  async #ping(generation: number, connection: GatewayClient): Promise<void> {
    const started = performance.now()
    try {
      await connection.request('health', {}, { timeoutMs: this.#options.timeoutMs })
    } catch (error) {
      if (generation !== this.#generation || this.#closed) return
      const failure = GatewayError.from(error)
      if (failure.kind === 'timeout') {
        this.#dropReason = `no answer to a health request within ${this.#options.timeoutMs} ms`
        void connection.close({ timeoutMs: 0 })
        return
      }
      // A closed connection is reported by its close handler; a refusal still is a round trip.
      if (failure.kind !== 'rejected') return
    }
    if (generation !== this.#generation || this.#closed) return
    const latency = Math.round(performance.now() - started)
    this.#setState({ ...this.#state, latency, lastPing: Date.now() })
    this.#timer = setTimeout(() => void this.#ping(generation, connection), this.#options.pingIntervalMs)
  }

  #lost(generation: number, error: string, url = this.#state.url): void {
    // Only a connection that held for a ping interval resets the backoff: a gateway that accepts
    // and drops at once is not hammered every second.
    if (this.#connectedAt !== null && Date.now() - this.#connectedAt >= this.#options.pingIntervalMs) {
      this.#failures = 0
    }
    this.#connectedAt = null
    const delay = backoffDelay(this.#failures++, this.#options.backoff)
    this.#dropReason = null
    clearTimeout(this.#timer)
    this.#nextAttemptAt = Date.now() + delay
    this.#setState({ ...DISCONNECTED_STATE, url, error })
    const log = { gateway_id: this.#options.gatewayId, url, error, reconnect_in_ms: delay }
    if (this.#failures === 1) this.#options.logger.info(log, 'relay upstream disconnected')
    else this.#options.logger.debug(log, 'relay upstream still disconnected')
    this.#timer = setTimeout(() => {
      if (generation !== this.#generation || this.#closed) return
      this.#nextAttemptAt = null
      this.start()
    }, delay)
  }

  #relay(event: GatewayEvent): void {
    this.#options.onEvent({
      type: 'event',
      gateway_id: this.#options.gatewayId,
      event: event.event,
      payload: event.payload,
      seq: event.seq,
      at: Date.now(),
    })
  }

  #setState(state: ConnectionState): void {
    this.#state = state
    this.#options.onState(this.message)
  }
}
