/**
 * - `normal`: behaves like a healthy gateway
 * - `blackhole`: accepts TCP and never answers anything, not even the HTTP upgrade
 * - `garbage`: completes the upgrade, then sends non-JSON text
 * - `close-mid-handshake`: sends connect.challenge, then drops the TCP connection when `connect` arrives
 * - `slow`: delays the upgrade, every response and every HTTP answer by `slowMs`
 * - `http-only`: a plain web server: 200 HTML for everything, upgrades included
 */
export type FakeGatewayMode =
  | 'normal'
  | 'blackhole'
  | 'garbage'
  | 'close-mid-handshake'
  | 'slow'
  | 'http-only'

/** What can change while a fake runs; sessions read it live. */
export interface FakeSettings {
  mode: FakeGatewayMode
  slowMs: number
  starting: boolean
  token: string
  version: string
  tickIntervalMs: number
  /** Multiplies the real failed-login delays (250 ms … 5 s). */
  rejectDelayScale: number
  /** Silence after the challenge is cut off with close 1000 after this long (real: 15 s). */
  handshakeTimeoutMs: number
  /** The protocol version the fake speaks (real: 4); a client range without it gets PROTOCOL_MISMATCH. */
  protocol: number
  /**
   * Extra time before answering a method, e.g. `{ 'sessions.list': 2000 }` (the real one can be
   * slow); `connect` delays hello-ok.
   */
  methodDelaysMs: Record<string, number>
  /** Presence entries in hello-ok's snapshot: a busy real gateway's hello-ok is ≈24 KB (about 80). */
  helloPresence: number
  /**
   * Whether a device-less login may get `operator.admin` (true: as over direct loopback; false: as
   * from another host, where only a paired device with an approved admin scope gets it).
   */
  adminAllowed: boolean
  /** Caps what a token login is granted (null: what the client asks for, as on the real gateway). */
  tokenScopes: string[] | null
  /**
   * How long the usage cache takes to refresh once a call found it stale (real: ≈20 s); null: only
   * `settleUsage()` ends it.
   */
  usageRefreshMs: number | null
}
