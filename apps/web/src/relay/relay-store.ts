import { reconnectDelay } from './reconnect-backoff.ts'
import {
  applyClose,
  applyRelayMessage,
  closeOutcome,
  giveUp,
  IDLE_SNAPSHOT,
  isActive,
  type PrimaryMove,
  parseRelayMessage,
  type RelayGateway,
  type RelaySnapshot,
  shouldGiveUp,
  startRelay,
} from './relay-snapshot.ts'

/** What the store hears from one socket. */
export interface SocketHandlers {
  onOpen(): void
  onMessage(data: unknown): void
  onClose(code: number, reason: string): void
}

/** An open socket, as far as the store needs it; closing it silences its handlers. */
export interface RelaySocket {
  close(code: number, reason: string): void
}

/** The outside world, injected so the store runs (and is tested) without a browser. */
export interface RelayStoreDeps {
  openSocket(gatewayId: number, handlers: SocketHandlers): RelaySocket
  now(): number
  random(): number
  setTimer(run: () => void, ms: number): unknown
  clearTimer(timer: unknown): void
  /**
   * Why the API keeps refusing the socket (a refused upgrade reaches the browser only as close 1006):
   * a reason that ends the relay, or null to keep retrying.
   */
  diagnose(gatewayId: number): Promise<string | null>
}

/** The app's one relay: a snapshot for `useSyncExternalStore` and its actions. */
export interface RelayStore {
  subscribe(listener: () => void): () => void
  getSnapshot(): RelaySnapshot
  /** Opens the relay to the gateway, closing any other first; no-op if already on it. */
  connect(gatewayId: number, name?: string | null): void
  /** Ends the relay by hand; the primary is then not connected automatically in this app load. */
  disconnect(): void
  /**
   * The primary gateway (null: there is none) as the app loaded: connects to it unless something was
   * connected or disconnected already. Only the first call per store counts.
   */
  autoConnect(primary: RelayGateway | null): void
  /**
   * The primary role moved: a relay on the former primary (whatever its phase) switches to the new
   * one and keeps `move` to say why; others stay. Told twice (the flag, then the event with the
   * reason, in either order), the second only adds the reason.
   */
  followPrimary(move: PrimaryMove): void
  /** Closes the socket but keeps the relay (the provider unmounting); `resume` opens it again. */
  pause(): void
  resume(): void
}

const NORMAL_CLOSURE = 1000
/** A relay socket that held this long was fine: the next loss starts the backoff from the beginning. */
export const STABLE_MS = 10_000
/** After this many closes in a row without the socket ever opening, the store asks the API why. */
export const REFUSALS_BEFORE_DIAGNOSIS = 3

export function createRelayStore(deps: RelayStoreDeps): RelayStore {
  let snapshot: RelaySnapshot = IDLE_SNAPSHOT
  const listeners = new Set<() => void>()
  let socket: RelaySocket | null = null
  let timer: unknown = null
  /** Unexpected closes since the last socket that held for STABLE_MS. */
  let attempt = 0
  /** Closes in a row of sockets that never opened. */
  let refusals = 0
  let autoDecided = false

  const set = (next: RelaySnapshot) => {
    if (next === snapshot) return
    snapshot = next
    for (const listener of listeners) listener()
  }

  const release = (reason: string) => {
    if (timer !== null) deps.clearTimer(timer)
    timer = null
    socket?.close(NORMAL_CLOSURE, reason)
    socket = null
  }

  /** Ends the relay on `gatewayId` with `error` if it is still retrying there. */
  const diagnose = (gatewayId: number, code: number) => {
    void deps.diagnose(gatewayId).then((error) => {
      if (!error || snapshot.gateway?.id !== gatewayId || snapshot.phase !== 'retrying') return
      release('refused')
      set(applyClose(snapshot, { code, retry: false, error }, null))
    })
  }

  const open = (gatewayId: number) => {
    let openedAt: number | null = null
    const own: RelaySocket = deps.openSocket(gatewayId, {
      onOpen: () => {
        if (socket !== own) return
        openedAt = deps.now()
        refusals = 0
        set({ ...snapshot, phase: 'open' })
      },
      onMessage: (data) => {
        if (socket !== own) return
        const message = parseRelayMessage(data)
        if (!message) return
        const next = applyRelayMessage(snapshot, message, deps.now())
        if (shouldGiveUp(next)) {
          release('gave up')
          set(giveUp(next))
        } else set(next)
      },
      onClose: (code, reason) => {
        if (socket !== own) return
        socket = null
        const outcome = closeOutcome(code, reason)
        if (!outcome.retry) {
          set(applyClose(snapshot, outcome, null))
          return
        }
        // Only a socket that held resets the backoff: one closed right after opening (a proxy
        // timeout, a browser too slow) must not be retried at the fastest rate for ever.
        if (openedAt !== null && deps.now() - openedAt >= STABLE_MS) attempt = 0
        if (openedAt === null) refusals += 1
        const delay = reconnectDelay(attempt, deps.random())
        attempt += 1
        set(applyClose(snapshot, outcome, deps.now() + delay))
        timer = deps.setTimer(() => {
          timer = null
          set({ ...snapshot, phase: 'connecting', reconnectAt: null })
          open(gatewayId)
        }, delay)
        if (refusals === REFUSALS_BEFORE_DIAGNOSIS) diagnose(gatewayId, code)
      },
    })
    socket = own
  }

  const connect = (gatewayId: number, name: string | null = null) => {
    autoDecided = true
    const same = snapshot.gateway?.id === gatewayId
    if (same && (snapshot.phase === 'connecting' || snapshot.phase === 'open')) return
    release('switching gateway')
    attempt = 0
    refusals = 0
    set(startRelay(snapshot, { id: gatewayId, name }))
    open(gatewayId)
  }

  return {
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    getSnapshot: () => snapshot,
    connect,
    disconnect() {
      autoDecided = true
      release('disconnected by the user')
      attempt = 0
      refusals = 0
      set(IDLE_SNAPSHOT)
    },
    autoConnect(primary) {
      if (autoDecided) return
      autoDecided = true
      if (primary) connect(primary.id, primary.name)
    },
    followPrimary(move) {
      const on = snapshot.gateway?.id
      const moved = snapshot.moved
      if (on === move.to.id && moved?.from.id === move.from.id) {
        if (moved.reason === null && move.reason !== null)
          set({ ...snapshot, moved: { ...moved, reason: move.reason } })
        return
      }
      if (on !== move.from.id) return
      connect(move.to.id, move.to.name)
      set({ ...snapshot, moved: move })
    },
    pause() {
      release('page closed')
    },
    resume() {
      const gateway = snapshot.gateway
      if (!gateway || !isActive(snapshot.phase) || socket || timer !== null) return
      set({ ...snapshot, phase: 'connecting', reconnectAt: null })
      open(gateway.id)
    },
  }
}
