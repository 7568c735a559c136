import { randomUUID } from 'node:crypto'
import http from 'node:http'
import https from 'node:https'
import type { AddressInfo, Socket } from 'node:net'
import { WebSocketServer } from 'ws'
import type { GatewayTarget } from '../client/target.ts'
import { AuthThrottle } from './auth-throttle.ts'
import { FakeActivityLedger } from './fake-activity-ledger.ts'
import { authFailureLogLines } from './fake-auth-log.ts'
import { FakeConfig } from './fake-config.ts'
import { FakeLog } from './fake-log.ts'
import { healthSnapshot } from './fake-methods.ts'
import { emptyRecords, type FakeRecords, record } from './fake-records.ts'
import { FakeSession, type SessionHost } from './fake-session.ts'
import { sessionsChangedPayload } from './fake-sessions-changed.ts'
import type { FakeGatewayMode, FakeSettings } from './fake-settings.ts'
import { FakeToolCalls, type FakeToolRun } from './fake-tool-calls.ts'
import { FakeUsage, type FakeUsageEntry } from './fake-usage.ts'
import {
  DEFAULT_AGENT_ID,
  type FakeSessionRow,
  FakeWorld,
  type NewSession,
  type RunEnd,
} from './fake-world.ts'
import { httpAnswer, rawHtmlResponse, writeAnswer } from './http-routes.ts'
import { createSelfSignedCert, type SelfSignedCert } from './self-signed-cert.ts'
import { TimerSet } from './timer-set.ts'

export interface FakeGatewayOptions extends Partial<FakeSettings> {
  /** Default 127.0.0.1. */
  host?: string
  /** Default 0 (a free port). */
  port?: number
  /** Agents at start, `main` first (default 1, like a fresh gateway). */
  agents?: number
  /** Sessions at start (default 0). */
  sessions?: number
  /** Serve wss:// with a fresh self-signed certificate (`true`) or the given one. */
  tls?: boolean | SelfSignedCert
}

export interface FakeGateway {
  readonly host: string
  readonly port: number
  /** ws://127.0.0.1:PORT, or wss://… with `tls`. */
  readonly url: string
  readonly token: string
  /** What clients sent (bounded). */
  readonly records: FakeRecords
  /** The params of the latest `connect` request, as sent. */
  readonly lastConnect: unknown
  /** Open WebSocket connections, authenticated or not. */
  readonly connectionCount: number
  /** A GatewayTarget for this fake, with its token unless overridden. */
  target(overrides?: Partial<GatewayTarget>): GatewayTarget
  setMode(mode: FakeGatewayMode, slowMs?: number): void
  setStarting(starting: boolean): void
  /**
   * The owner changes the token in the config file (hot-applied): like a `config.patch` of it, every
   * connection that logged in with the shared token is closed with 4001 "gateway auth changed".
   */
  setToken(token: string): void
  /** The current config hash, as `config.get` answers it. */
  readonly configHash: string
  /** false: `operator.admin` is not granted to device-less logins, as on a gateway reached remotely. */
  setAdminAllowed(allowed: boolean): void
  /** The next `config.patch` (with a good baseHash) is refused with INVALID_REQUEST and `message`. */
  refuseNextPatch(message?: string): void
  /**
   * Someone else writes the config right before the next `config.patch` arrives, which is then refused
   * as stale ("config changed since last load"); once per call.
   */
  changeConfigBeforeNextPatch(): void
  setVersion(version: string): void
  /** Trims or fills (with fresh `main` sessions, each announced like a create) to these counts. */
  setCounts(counts: { agents?: number; sessions?: number }): void
  /** Answers `method` `ms` later than usual (0 to undo). */
  setMethodDelay(method: string, ms: number): void
  /** Caps the scopes a token login gets (null: as requested, like the real gateway). */
  setTokenScopes(scopes: string[] | null): void
  counts(): { agents: number; sessions: number }
  /**
   * Creates a session (on `main` unless `agentId`, which must exist), as `sessions.create` does: a keyed
   * `sessions.changed` with `reason: "create"` goes to subscribed clients. `updatedAt` backdates it.
   */
  createSession(options?: NewSession & { agentId?: string }): { key: string }
  /** Starts a run: `status: "running"`, `hasActiveRun`, a keyed event with `phase: "start"`. `at` backdates it. */
  startRun(key: string, options?: { at?: number }): { runId: string }
  /**
   * Ends the session's run: `status: "done"`, tokens and `estimatedCostUsd` set, a keyed event with
   * `phase: "end"`. `at` backdates it.
   */
  endRun(key: string, options?: RunEnd): void
  /** Activity without a run (a message sent): `updatedAt` moves to `at` (default now), with a keyed event. */
  touchSession(key: string, at?: number): void
  /** Drops the session with no event, as a deleted or pruned session vanishes from the real list. */
  removeSession(key: string): void
  /** A keyless `sessions.changed` `{reason: "update", agentId}` (default `main`): "reload the list". */
  emitSessionsUpdate(agentId?: string): void
  /** Copies of the session rows the fake holds, newest `updatedAt` first. */
  sessionRows(): FakeSessionRow[]
  /**
   * A tool call in the session (its current run, else a run of its own): `agent` item start (and an
   * update for exec), end, exec's `command_output` end, to every client, plus a started/finished
   * pair in `audit.activity.list`. The call ends at `at` (default now) and started `durationMs` before.
   */
  runTool(sessionKey: string, call: FakeToolRun): { runId: string; toolCallId: string }
  /** `count` tool-call starts that never end, in one runaway run of the session (the newest by default). */
  emitAgentEvents(count: number, sessionKey?: string): { runId: string }
  /** Appends lines to the gateway log that `logs.tail` reads (objects are written as JSON). */
  appendLog(lines: (string | object)[]): void
  /** Sets a session's usage totals; the usage cache goes stale (next call answers `refreshing`). */
  setUsage(sessionKey: string, usage: FakeUsageEntry): void
  /** Ends the usage cache's refresh now: answers are fresh until the next change. */
  settleUsage(): void
  /** Sends an event to every authenticated client (e.g. `presence`). */
  emitEvent(event: string, payload: unknown): void
  /** Sends a raw text frame to every authenticated client, e.g. a frame type from a future version. */
  sendRaw(text: string): void
  /** `shutdown` event then close 1012 for every client; keeps listening, like a restart. */
  shutdown(): void
  clearRecords(): void
  /** Shuts down, frees the port and every timer and socket. */
  stop(): Promise<void>
}

const DEFAULTS: FakeSettings = {
  mode: 'normal',
  slowMs: 1000,
  starting: false,
  token: 'fake-gateway-token',
  version: '2026.9.6',
  tickIntervalMs: 30_000,
  rejectDelayScale: 0.01,
  handshakeTimeoutMs: 15_000,
  protocol: 4,
  methodDelaysMs: {},
  tokenScopes: null,
  adminAllowed: true,
  helloPresence: 0,
  usageRefreshMs: 0,
}
const STOP_GRACE_MS = 1000
const DEFAULT_PATCH_REFUSAL = 'invalid config: refused by the fake gateway'

/** A faithful, cheap stand-in for an OpenClaw gateway on loopback, for tests and benchmarks. */
export async function startFakeGateway(options: FakeGatewayOptions = {}): Promise<FakeGateway> {
  const { host = '127.0.0.1', port = 0, agents = 1, sessions = 0, tls = false, ...overrides } = options
  const settings: FakeSettings = {
    ...DEFAULTS,
    ...overrides,
    methodDelaysMs: { ...overrides.methodDelaysMs },
  }
  const cert = tls === true ? createSelfSignedCert() : tls || null
  const server = cert ? https.createServer(cert) : http.createServer()
  const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false, maxPayload: 26_214_400 })
  const timers = new TimerSet()
  const sockets = new Set<Socket>()
  const clients = new Set<FakeSession>()
  const ready = new Set<FakeSession>()
  let records = emptyRecords()
  let tick: NodeJS.Timeout | undefined
  let listeningPort = 0

  const usage = new FakeUsage()
  const log = new FakeLog()
  const config = new FakeConfig(settings, (change) => {
    for (const client of ready) client.configChanged(change)
  })
  const sessionHost: SessionHost = {
    settings,
    world: new FakeWorld({ agents, sessions }),
    get records() {
      return records
    },
    throttle: new AuthThrottle(),
    activity: new FakeActivityLedger(),
    log,
    usage,
    config,
    refreshUsage() {
      if (settings.usageRefreshMs !== null) timers.later(() => usage.settle(), settings.usageRefreshMs)
    },
    onRefused(refused) {
      for (const line of authFailureLogLines(refused)) log.append(line)
    },
    bootId: randomUUID(),
    startedAt: Date.now(),
    port: () => listeningPort,
    onReady(session) {
      ready.add(session)
      tick ??= timers.repeat(() => {
        for (const client of ready) {
          client.event('tick', { ts: Date.now() })
          client.event('health', healthSnapshot(sessionHost.world))
        }
      }, settings.tickIntervalMs)
    },
    onGone(session) {
      clients.delete(session)
      ready.delete(session)
      if (ready.size > 0) return
      timers.cancel(tick)
      tick = undefined
    },
  }
  const toolCalls = new FakeToolCalls(sessionHost.world, sessionHost.activity, (event, payload) => {
    for (const client of ready) client.event(event, payload)
  })
  sessionHost.world.onChange((change) => {
    if (change.type === 'row' && change.phase === 'end') usage.add(change.row.key, runUsage(change.row))
    const payload = sessionsChangedPayload(change)
    for (const client of ready) if (client.subscribedToSessions) client.event('sessions.changed', payload)
  })
  const later = (run: () => void) => (settings.mode === 'slow' ? timers.later(run, settings.slowMs) : run())

  server.on('connection', (socket: Socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  server.on('request', (request, response) => {
    record(records.http, {
      method: request.method ?? '',
      url: request.url ?? '',
      headers: request.headers,
      upgrade: false,
    })
    if (settings.mode === 'blackhole') return
    later(() => writeAnswer(request, response, httpAnswer(request, settings, sessionHost.startedAt)))
  })
  server.on('upgrade', (request: http.IncomingMessage, socket: Socket, head: Buffer) => {
    record(records.http, {
      method: request.method ?? '',
      url: request.url ?? '',
      headers: request.headers,
      upgrade: true,
    })
    socket.on('error', () => socket.destroy())
    // Once http hands the socket over, nobody closes it when the client leaves; a black hole must.
    if (settings.mode === 'blackhole') return void socket.on('end', () => socket.destroy())
    if (settings.mode === 'http-only') return void socket.end(rawHtmlResponse())
    later(() => {
      if (socket.destroyed) return
      wss.handleUpgrade(request, socket, head, (ws) => {
        const {
          remoteAddress = 'unknown',
          remotePort = 0,
          localAddress = host,
          localPort = 0,
        } = request.socket
        const peer = { address: remoteAddress, port: remotePort, localAddress, localPort }
        clients.add(new FakeSession(ws, peer, sessionHost))
      })
    })
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  listeningPort = (server.address() as AddressInfo).port
  const scheme = cert ? 'wss' : 'ws'
  const urlHost = host.includes(':') ? `[${host}]` : host
  let stopping: Promise<void> | undefined

  const shutdown = () => {
    for (const client of clients) client.shutdown()
  }

  return {
    host,
    port: listeningPort,
    url: `${scheme}://${urlHost}:${listeningPort}`,
    get token() {
      return settings.token
    },
    get records() {
      return records
    },
    get lastConnect() {
      return records.connects.at(-1)
    },
    get connectionCount() {
      return clients.size
    },
    target: (targetOverrides = {}) => ({
      host: cert ? `wss://${urlHost}` : host,
      port: listeningPort,
      token: settings.token,
      ...(cert ? { tlsInsecure: true } : {}),
      ...targetOverrides,
    }),
    setMode(mode, slowMs) {
      settings.mode = mode
      if (slowMs !== undefined) settings.slowMs = slowMs
    },
    setStarting(starting) {
      settings.starting = starting
    },
    setToken: (token) => config.setToken(token),
    get configHash() {
      return config.hash
    },
    setAdminAllowed(allowed) {
      settings.adminAllowed = allowed
    },
    refuseNextPatch: (message = DEFAULT_PATCH_REFUSAL) => config.refuseNextPatch(message),
    changeConfigBeforeNextPatch: () => config.changeBeforeNextPatch(),
    setVersion(version) {
      settings.version = version
    },
    setCounts: (counts) => sessionHost.world.setCounts(counts),
    setMethodDelay(method, ms) {
      settings.methodDelaysMs[method] = ms
    },
    setTokenScopes(scopes) {
      settings.tokenScopes = scopes
    },
    counts: () => ({ agents: sessionHost.world.agents.length, sessions: sessionHost.world.sessions.length }),
    createSession({ agentId = DEFAULT_AGENT_ID, ...session } = {}) {
      if (!sessionHost.world.hasAgent(agentId)) throw new Error(`fake gateway has no agent ${agentId}`)
      return { key: sessionHost.world.addSession(agentId, session).key }
    },
    startRun: (key, options = {}) => sessionHost.world.startRun(key, options.at),
    endRun: (key, options) => sessionHost.world.endRun(key, options),
    touchSession: (key, at) => sessionHost.world.touchSession(key, at),
    removeSession: (key) => sessionHost.world.removeSession(key),
    emitSessionsUpdate: (agentId) => sessionHost.world.emitReload(agentId),
    sessionRows: () => sessionHost.world.newestFirst().map((row) => ({ ...row })),
    runTool: (sessionKey, call) => toolCalls.run(sessionKey, call),
    emitAgentEvents(count, sessionKey) {
      const key = sessionKey ?? sessionHost.world.newestFirst()[0]?.key
      if (!key) throw new Error('fake gateway has no session for agent events')
      return toolCalls.startWithoutEnd(key, count)
    },
    appendLog(lines) {
      for (const line of lines) log.append(typeof line === 'string' ? line : JSON.stringify(line))
    },
    setUsage(sessionKey, entry) {
      sessionHost.world.session(sessionKey) // throws for a session the fake does not have
      usage.set(sessionKey, entry)
    },
    settleUsage: () => usage.settle(),
    emitEvent(event, payload) {
      for (const client of ready) client.event(event, payload)
    },
    sendRaw(text) {
      for (const client of ready) client.raw(text)
    },
    shutdown,
    clearRecords() {
      records = emptyRecords()
    },
    stop() {
      stopping ??= (async () => {
        shutdown()
        const closed = new Promise<void>((resolve) => server.close(() => resolve()))
        await settleWithin(
          [...clients].map((client) => client.closed),
          STOP_GRACE_MS,
          timers,
        )
        for (const socket of sockets) socket.destroy()
        wss.close()
        timers.clear()
        await closed
      })()
      return stopping
    },
  }
}

/** What a finished run adds to its session's usage: the tokens and cost its row now shows. */
function runUsage(row: FakeSessionRow) {
  return {
    inputTokens: row.inputTokens ?? 0,
    outputTokens: row.outputTokens ?? 0,
    costUsd: row.estimatedCostUsd ?? 0,
    at: row.endedAt ?? Date.now(),
  }
}

/** Waits for all of `promises`, or `ms` at most. */
async function settleWithin(promises: Promise<void>[], ms: number, timers: TimerSet): Promise<void> {
  let timer: NodeJS.Timeout | undefined
  await Promise.race([
    Promise.all(promises),
    new Promise<void>((resolve) => {
      timer = timers.later(resolve, ms)
    }),
  ])
  timers.cancel(timer)
}
