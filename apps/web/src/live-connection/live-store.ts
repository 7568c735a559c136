import {
  applyClose,
  applyLiveMessage,
  closeOutcome,
  IDLE_SNAPSHOT,
  isActive,
  type LiveGateway,
  type LiveSnapshot,
  parseLiveMessage,
  startSession,
} from './live-session.ts'
import { reconnectDelay } from './reconnect-backoff.ts'

/** What the store hears from one socket. */
export interface SocketHandlers {
  onOpen(): void
  onMessage(data: unknown): void
  onClose(code: number, reason: string): void
}

/** An open socket, as far as the store needs it; closing it silences its handlers. */
export interface LiveSocket {
  close(code: number, reason: string): void
}

/** The outside world, injected so the store runs (and is tested) without a browser. */
export interface LiveStoreDeps {
  openSocket(gatewayId: number, handlers: SocketHandlers): LiveSocket
  now(): number
  random(): number
  setTimer(run: () => void, ms: number): unknown
  clearTimer(timer: unknown): void
}

/** The app's one live gateway connection: a snapshot for `useSyncExternalStore` and its actions. */
export interface LiveStore {
  subscribe(listener: () => void): () => void
  getSnapshot(): LiveSnapshot
  /** Opens the live connection to the gateway, closing any other first; no-op if already on it. */
  connect(gatewayId: number, name?: string | null): void
  /** Ends the session by hand; the primary is then not connected automatically in this app load. */
  disconnect(): void
  /**
   * The primary gateway (null: there is none) as the app loaded: connects to it unless something was
   * connected or disconnected already. Only the first call per store counts.
   */
  autoConnect(primary: LiveGateway | null): void
  /** Closes the socket but keeps the session (the provider unmounting); `resume` opens it again. */
  pause(): void
  resume(): void
}

const NORMAL_CLOSURE = 1000

export function createLiveStore(deps: LiveStoreDeps): LiveStore {
  let snapshot: LiveSnapshot = IDLE_SNAPSHOT
  const listeners = new Set<() => void>()
  let socket: LiveSocket | null = null
  let timer: unknown = null
  /** Unexpected closes since the last message that proved the socket works. */
  let attempt = 0
  let autoDecided = false

  const set = (next: LiveSnapshot) => {
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

  const open = (gatewayId: number) => {
    const own: LiveSocket = deps.openSocket(gatewayId, {
      onOpen: () => {
        if (socket === own) set({ ...snapshot, phase: 'open' })
      },
      onMessage: (data) => {
        if (socket !== own) return
        const message = parseLiveMessage(data)
        if (!message) return
        attempt = 0
        set(applyLiveMessage(snapshot, message, deps.now()))
      },
      onClose: (code, reason) => {
        if (socket !== own) return
        socket = null
        const outcome = closeOutcome(code, reason)
        if (!outcome.retry) {
          set(applyClose(snapshot, outcome, null))
          return
        }
        const delay = reconnectDelay(attempt, deps.random())
        attempt += 1
        set(applyClose(snapshot, outcome, deps.now() + delay))
        timer = deps.setTimer(() => {
          timer = null
          set({ ...snapshot, phase: 'connecting', reconnectAt: null })
          open(gatewayId)
        }, delay)
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
    set(startSession(snapshot, { id: gatewayId, name }))
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
      set(IDLE_SNAPSHOT)
    },
    autoConnect(primary) {
      if (autoDecided) return
      autoDecided = true
      if (primary) connect(primary.id, primary.name)
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
