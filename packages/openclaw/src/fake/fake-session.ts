import { randomUUID } from 'node:crypto'
import type WebSocket from 'ws'
import { requestFrameSchema } from '../protocol/frames.ts'
import type { AuthThrottle } from './auth-throttle.ts'
import { checkConnect } from './connect-check.ts'
import type { FakeActivityLedger } from './fake-activity-ledger.ts'
import type { RefusedHandshake } from './fake-auth-log.ts'
import { CONFIG_PATH, type ConfigChange, type FakeConfig } from './fake-config.ts'
import { helloOk } from './fake-hello.ts'
import type { FakeLog } from './fake-log.ts'
import { answerMethod, healthSnapshot, type MethodAnswer } from './fake-methods.ts'
import { type FakeRecords, record } from './fake-records.ts'
import type { FakeSettings } from './fake-settings.ts'
import type { FakeUsage } from './fake-usage.ts'
import type { FakeWorld } from './fake-world.ts'
import { TimerSet } from './timer-set.ts'

/** What a session needs from its gateway. */
export interface SessionHost {
  settings: FakeSettings
  world: FakeWorld
  records: FakeRecords
  throttle: AuthThrottle
  activity: FakeActivityLedger
  log: FakeLog
  usage: FakeUsage
  config: FakeConfig
  refreshUsage(): void
  /** A connect refused for a wrong token (the real gateway logs it). */
  onRefused(refused: RefusedHandshake): void
  bootId: string
  startedAt: number
  port(): number
  onReady(session: FakeSession): void
  onGone(session: FakeSession): void
}

const PRE_AUTH_MAX_BYTES = 64 * 1024
// ws refuses close reasons longer than 123 bytes.
const MAX_CLOSE_REASON = 120

/** The socket's two ends. */
export interface Peer {
  address: string
  port: number
  localAddress: string
  localPort: number
}

/** One client WebSocket on the fake: challenge, connect checks, then requests and events. */
export class FakeSession {
  readonly closed: Promise<void>
  private phase: 'challenge' | 'authorizing' | 'ready' | 'closed' = 'challenge'
  private seq = 0
  private scopes: readonly string[] = []
  private sessionsSubscribed = false
  private sharedTokenLogin = false
  private readonly timers = new TimerSet()
  private markClosed: () => void = () => {}
  private readonly openedAt = performance.now()

  constructor(
    private readonly socket: WebSocket,
    private readonly peer: Peer,
    private readonly host: SessionHost,
  ) {
    this.closed = new Promise((resolve) => {
      this.markClosed = resolve
    })
    // A client vanishing mid-write is normal here; `close` follows and cleans up.
    socket.on('error', () => {})
    socket.on('close', (code) => this.onClose(code))
    socket.on('message', (data: Buffer) => this.onMessage(data))
    this.start()
  }

  get isReady(): boolean {
    return this.phase === 'ready'
  }

  /** Asked for `sessions.changed` events with `sessions.subscribe`. */
  get subscribedToSessions(): boolean {
    return this.sessionsSubscribed
  }

  /** Sends an event with the next per-connection `seq`; only authenticated clients get events. */
  event(event: string, payload: unknown): void {
    if (this.phase !== 'ready') return
    this.socket.send(JSON.stringify({ type: 'event', event, payload, seq: ++this.seq }))
  }

  /** Sends `text` as is (authenticated clients only): for tests of what a client tolerates. */
  raw(text: string): void {
    if (this.phase === 'ready') this.socket.send(text)
  }

  /**
   * After a config write: a connection that logged in with the shared token is closed when the token
   * changed (the real gateway does so ≈1 s after the write); the others hear `config.changed`.
   */
  configChanged(change: ConfigChange): void {
    if (change.tokenChanged && this.sharedTokenLogin) this.close(4001, 'gateway auth changed')
    else this.event('config.changed', { path: CONFIG_PATH, hash: change.hash, ts: Date.now() })
  }

  /** As on a stopping gateway: `shutdown` to authenticated clients, then close 1012 for everyone. */
  shutdown(): void {
    this.event('shutdown', { reason: 'gateway stopping' })
    this.close(1012, 'service restart')
  }

  private start(): void {
    if (this.host.settings.mode === 'garbage') {
      this.socket.send('Welcome! This server does not speak JSON.')
      return
    }
    const payload = { nonce: randomUUID(), ts: Date.now(), capabilities: [] }
    this.socket.send(JSON.stringify({ type: 'event', event: 'connect.challenge', payload }))
    this.timers.later(() => {
      if (this.phase === 'challenge') this.close(1000, '')
    }, this.host.settings.handshakeTimeoutMs)
  }

  private onMessage(data: Buffer): void {
    const text = data.toString('utf8')
    record(this.host.records.frames, text)
    const { mode } = this.host.settings
    if (mode === 'garbage') {
      this.socket.send('?? unknown command')
    } else if (mode === 'close-mid-handshake' && this.phase === 'challenge') {
      this.socket.terminate()
    } else if (this.phase !== 'ready' && data.length > PRE_AUTH_MAX_BYTES) {
      this.close(1009, '')
    } else {
      const request = this.parseRequest(text)
      if (request) this.onRequest(request.id, request.method, request.params)
    }
  }

  /** The request in `text`, or null after closing the socket the way the real gateway does. */
  private parseRequest(text: string) {
    let value: unknown
    try {
      value = JSON.parse(text)
    } catch {
      this.close(1000, '')
      return null
    }
    const frame = requestFrameSchema.safeParse(value)
    if (frame.success) return frame.data
    this.close(1008, 'invalid request frame')
    return null
  }

  private onRequest(id: string, method: string, params: unknown): void {
    if (this.phase === 'challenge') {
      if (method === 'connect') {
        this.onConnect(id, params)
      } else {
        const message = 'invalid handshake: first request must be connect'
        this.reply(id, { ok: false, error: { code: 'INVALID_REQUEST', message } }, { close: [1008, message] })
      }
      return
    }
    if (this.phase !== 'ready') return
    record(this.host.records.requests, { method, params })
    const { world, settings, startedAt, activity, log, usage, config } = this.host
    const afterReply: (() => void)[] = []
    const context = {
      world,
      config,
      afterReply: (run: () => void) => afterReply.push(run),
      activity,
      log,
      usage,
      refreshUsage: () => this.host.refreshUsage(),
      scopes: this.scopes,
      version: settings.version,
      port: this.host.port(),
      startedAt,
      subscribeSessions: () => {
        this.sessionsSubscribed = true
      },
    }
    const answer = answerMethod(method, params, context)
    const then = () => {
      for (const run of afterReply) run()
    }
    this.reply(id, answer, { then, delayMs: settings.methodDelaysMs[method] })
  }

  private onConnect(id: string, params: unknown): void {
    const arrived = performance.now()
    const { settings, throttle, world } = this.host
    record(this.host.records.connects, params)
    this.phase = 'authorizing'
    const decision = checkConnect(params, settings)
    if (!decision.ok) {
      const delay = decision.tokenMismatch
        ? throttle.nextDelayMs(this.peer.address) * settings.rejectDelayScale
        : 0
      const answer = { ok: false as const, error: decision.error }
      const refuse = () => {
        if (decision.tokenMismatch) this.logRefusal(params)
        this.reply(id, answer, { close: [decision.closeCode, decision.closeReason] })
      }
      this.timers.later(refuse, delay)
      return
    }
    throttle.reset(this.peer.address)
    this.scopes = decision.scopes
    this.sharedTokenLogin = decision.params.auth?.token !== undefined
    const hello = helloOk({
      protocol: settings.protocol,
      version: settings.version,
      bootId: this.host.bootId,
      startedAt: this.host.startedAt,
      tickIntervalMs: settings.tickIntervalMs,
      role: decision.role,
      scopes: decision.scopes,
      world,
      presence: settings.helloPresence,
    })
    const then = () => {
      record(this.host.records.helloAnswersMs, performance.now() - arrived)
      this.phase = 'ready'
      this.host.onReady(this)
      this.event('health', healthSnapshot(world))
    }
    this.reply(id, { ok: true, payload: hello }, { then, delayMs: settings.methodDelaysMs.connect })
  }

  private logRefusal(connectParams: unknown): void {
    const { address, port, localAddress, localPort } = this.peer
    this.host.onRefused({
      remoteAddr: address,
      remotePort: port,
      localAddr: localAddress,
      localPort,
      connectParams,
      durationMs: performance.now() - this.openedAt,
      at: Date.now(),
    })
  }

  /** Sends the answer (later in slow mode or with a method delay), then closes or goes on as told. */
  private reply(
    id: string,
    answer: MethodAnswer,
    after: { close?: [number, string]; then?: () => void; delayMs?: number } = {},
  ): void {
    const send = () => {
      if (this.phase === 'closed') return
      this.socket.send(JSON.stringify({ type: 'res', id, ...answer }))
      if (after.close) this.close(...after.close)
      after.then?.()
    }
    const { mode, slowMs } = this.host.settings
    const delay = (mode === 'slow' ? slowMs : 0) + (after.delayMs ?? 0)
    if (delay > 0) this.timers.later(send, delay)
    else send()
  }

  private close(code: number, reason: string): void {
    if (this.phase === 'closed') return
    this.socket.close(code, reason.slice(0, MAX_CLOSE_REASON))
  }

  private onClose(code: number): void {
    record(this.host.records.closes, code)
    this.phase = 'closed'
    this.timers.clear()
    this.host.onGone(this)
    this.markClosed()
  }
}
