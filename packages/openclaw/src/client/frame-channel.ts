import type WebSocket from 'ws'
import { type Frame, type ParsedFrame, parseFrame } from '../protocol/frames.ts'
import { isTimeoutReason } from './deadline.ts'
import { GatewayError } from './gateway-error.ts'
import { socketFailure } from './socket-failure.ts'

export interface GatewayEvent {
  event: string
  payload: unknown
  /** The gateway numbers events per connection; null when it did not. */
  seq: number | null
}

export interface GatewayClose {
  code: number
  reason: string
  /** Why the connection failed, when it did not close normally. */
  error: GatewayError | null
}

export interface RequestOptions {
  /** Default 10 s; `Infinity` for none (then pass a signal). */
  timeoutMs?: number
  signal?: AbortSignal
}

/** A request's answer and when it arrived (`performance.now()`), taken before the frame was parsed. */
export interface TimedAnswer {
  payload: unknown
  arrivedAt: number
}

interface Waiter {
  /** What the waiter waits for, for messages ("the connect answer"). */
  what: string
  /** The request's method; null for the challenge. */
  method: string | null
  settle(error: GatewayError | null, value?: unknown): void
}

const DEFAULT_REQUEST_TIMEOUT_MS = 10_000

/**
 * The frame layer over one WebSocket: request/response matching by id (answers may come in any
 * order), event fan-out, and one place where every failure turns into a GatewayError. Whatever
 * happens, every waiter is settled by the time the socket's `close` event has fired.
 */
export class FrameChannel {
  readonly closed: Promise<GatewayClose>
  private resolveClosed: (close: GatewayClose) => void = () => {}
  private readonly pending = new Map<string, Waiter>()
  private readonly listeners = new Set<(event: GatewayEvent) => void>()
  private challenge: Waiter | null = null
  private challengePayload: unknown
  private challengeSeen = false
  private openedAtMs: number | null = null
  private ready = false
  private isClosed = false
  private failure: GatewayError | null = null
  private nextId = 1

  constructor(
    private readonly socket: WebSocket,
    private readonly redact: (text: string) => string,
  ) {
    this.closed = new Promise((resolve) => {
      this.resolveClosed = resolve
    })
    socket.on('open', () => {
      this.openedAtMs = performance.now()
    })
    socket.on('message', (data) => this.onMessage(String(data)))
    socket.on('error', (error) => this.fail(socketFailure(error, this.openedAtMs === null)))
    socket.on('unexpected-response', (_request, response) => {
      this.failAndTerminate(
        new GatewayError({
          kind: 'not-gateway',
          message: `not an OpenClaw gateway (HTTP ${response.statusCode} instead of a WebSocket upgrade)`,
        }),
      )
    })
    socket.on('close', (code, reason) => this.onClose(code, this.redact(String(reason))))
  }

  /** When the WebSocket upgrade completed (`performance.now()`); null before. */
  get openedAt(): number | null {
    return this.openedAtMs
  }

  get isOpen(): boolean {
    return !this.isClosed && this.socket.readyState === this.socket.OPEN
  }

  /** The handshake is over: from now on a bad frame is a protocol violation, not a stranger. */
  markReady(): void {
    this.ready = true
  }

  waitForChallenge(signal: AbortSignal): Promise<unknown> {
    if (this.challengeSeen) return Promise.resolve(this.challengePayload)
    const what = () => (this.openedAtMs !== null ? 'connect.challenge' : 'the WebSocket upgrade')
    return this.wait<unknown>(signal, Number.POSITIVE_INFINITY, null, what, (waiter) => {
      this.challenge = waiter
      return () => {
        this.challenge = null
      }
    })
  }

  async request(method: string, params: unknown = {}, options: RequestOptions = {}): Promise<unknown> {
    return (await this.timedRequest(method, params, options)).payload
  }

  /** As `request`, with when the answer arrived: what a handshake's latency is measured to. */
  timedRequest(method: string, params: unknown = {}, options: RequestOptions = {}): Promise<TimedAnswer> {
    const id = String(this.nextId++)
    const what = () => (method === 'connect' ? 'the connect answer' : method)
    const timeoutMs = options.timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS
    return this.wait<TimedAnswer>(options.signal, timeoutMs, method, what, (waiter) => {
      this.pending.set(id, waiter)
      this.socket.send(JSON.stringify({ type: 'req', id, method, params }))
      return () => this.pending.delete(id)
    })
  }

  onEvent(listener: (event: GatewayEvent) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Closes with 1000 and waits for the socket to be gone; after `timeoutMs` it drops it instead. */
  async close(timeoutMs = 1000): Promise<void> {
    if (this.isClosed) return
    if (this.socket.readyState !== this.socket.OPEN || timeoutMs <= 0) this.socket.terminate()
    else this.socket.close(1000)
    const timer = setTimeout(() => this.socket.terminate(), timeoutMs)
    await this.closed
    clearTimeout(timer)
  }

  /** Drops the connection at once and waits until the socket is gone. */
  async terminate(): Promise<void> {
    if (!this.isClosed) this.socket.terminate()
    await this.closed
  }

  private wait<T>(
    signal: AbortSignal | undefined,
    timeoutMs: number,
    method: string | null,
    what: () => string,
    register: (waiter: Waiter) => () => void,
  ): Promise<T> {
    return new Promise((resolve, reject) => {
      if (this.isClosed) return reject(this.closedError(what(), method))
      if (signal?.aborted) return reject(abortError(signal.reason, what(), method))
      let unregister = () => {}
      const onAbort = () => waiter.settle(abortError(signal?.reason, what(), method))
      const timer = Number.isFinite(timeoutMs)
        ? setTimeout(() => waiter.settle(abortError(timeoutReason(timeoutMs), what(), method)), timeoutMs)
        : undefined
      const waiter: Waiter = {
        what: what(),
        method,
        settle: (error, value) => {
          clearTimeout(timer)
          signal?.removeEventListener('abort', onAbort)
          unregister()
          if (error) reject(error)
          else resolve(value as T)
        },
      }
      signal?.addEventListener('abort', onAbort, { once: true })
      try {
        unregister = register(waiter)
      } catch {
        waiter.settle(
          this.failure ?? new GatewayError({ kind: 'closed', message: `connection not open for ${what()}` }),
        )
      }
    })
  }

  private onMessage(text: string): void {
    const arrivedAt = performance.now()
    const parsed = parseFrame(text)
    if (!this.challengeSeen) {
      this.onFirstFrame(parsed)
    } else if (parsed.kind === 'frame') {
      this.onFrame(parsed.frame, arrivedAt)
    } else if (parsed.kind !== 'unknown-type') {
      const sent = parsed.kind === 'not-json' ? 'non-JSON' : 'non-protocol'
      const kind = this.ready ? 'protocol' : 'not-gateway'
      this.failAndTerminate(
        new GatewayError({ kind, message: `not an OpenClaw gateway (sent a ${sent} frame)` }),
      )
    }
  }

  private onFrame(frame: Frame, arrivedAt: number): void {
    if (frame.type === 'res') {
      const waiter = this.pending.get(frame.id)
      if (!waiter) return
      if (frame.ok) waiter.settle(null, { payload: frame.payload, arrivedAt } satisfies TimedAnswer)
      else waiter.settle(GatewayError.fromResponse(waiter.method ?? waiter.what, frame.error, this.redact))
    } else if (frame.type === 'event') {
      const event = { event: frame.event, payload: frame.payload, seq: frame.seq ?? null }
      for (const listener of this.listeners) {
        // A throwing listener must not take the socket's data handler (and the process) down with it.
        try {
          listener(event)
        } catch (error) {
          process.emitWarning(error instanceof Error ? error : String(error), 'GatewayEventListenerError')
        }
      }
    }
  }

  private onFirstFrame(parsed: ParsedFrame): void {
    if (
      parsed.kind === 'frame' &&
      parsed.frame.type === 'event' &&
      parsed.frame.event === 'connect.challenge'
    ) {
      this.challengeSeen = true
      this.challengePayload = parsed.frame.payload
      this.challenge?.settle(null, parsed.frame.payload)
      return
    }
    const sent = parsed.kind === 'not-json' ? 'a non-JSON frame' : 'another frame'
    this.failAndTerminate(
      new GatewayError({
        kind: 'not-gateway',
        message: `not an OpenClaw gateway (sent ${sent} before connect.challenge)`,
      }),
    )
  }

  private fail(error: GatewayError): void {
    this.failure ??= error
  }

  private failAndTerminate(error: GatewayError): void {
    this.fail(error)
    this.socket.terminate()
  }

  private onClose(code: number, reason: string): void {
    this.isClosed = true
    const waiters = [...this.pending.values(), ...(this.challenge ? [this.challenge] : [])]
    for (const waiter of waiters) waiter.settle(this.closedError(waiter.what, waiter.method, code, reason))
    this.resolveClosed({ code, reason, error: this.failure })
  }

  private closedError(what: string, method: string | null, code?: number, reason?: string): GatewayError {
    const close = code === undefined ? '' : ` (close ${code}${reason ? `: ${reason}` : ''})`
    const error =
      this.failure ??
      new GatewayError({
        kind: this.challengeSeen ? 'closed' : 'unreachable',
        method,
        message: this.challengeSeen
          ? `gateway closed the connection while waiting for ${what}${close}`
          : `connection closed before the gateway said anything${close}`,
      })
    return error.withClose(code ?? null, reason ?? null)
  }
}

function timeoutReason(timeoutMs: number): DOMException {
  return new DOMException(`no answer within ${timeoutMs} ms`, 'TimeoutError')
}

function abortError(reason: unknown, what: string, method: string | null): GatewayError {
  const timeout = isTimeoutReason(reason)
  return new GatewayError({
    kind: timeout ? 'timeout' : 'aborted',
    method,
    message: timeout ? `timed out waiting for ${what}` : `aborted while waiting for ${what}`,
  })
}
