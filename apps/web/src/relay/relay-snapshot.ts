import {
  type ConnectionState,
  DISCONNECTED_STATE,
  LIVE_CLOSE,
  type LiveEventMessage,
  type LiveMessage,
  liveMessageSchema,
} from '@mc/shared'

/** How many relayed events the feed keeps, newest first. */
export const FEED_LIMIT = 200

/**
 * After this many failed attempts in a row to reach the gateway, the browser stops the relay
 * instead of letting the API retry for ever: with the API's backoff (1, 2, 4, 8, 16 s by default)
 * that is about half a minute of trying. Connect (Try again) starts over.
 */
export const GIVE_UP_AFTER_FAILURES = 6

/**
 * A state message repeating the current failure (a rename, a second tab joining) names the same
 * next attempt, give or take the network; a new failure names one at least a backoff later.
 */
const SAME_ATTEMPT_MS = 250

/**
 * Where the browser's relay stands. `idle`: none (never connected, or disconnected by hand);
 * `connecting`: the socket to the API is opening; `open`: it is open (the upstream may still be down,
 * see `state`); `retrying`: it closed unexpectedly and opens again after a backoff; `ended`: the API
 * ended it (gateway deleted, token changed, unauthorized); `gave-up`: the gateway could not be reached
 * GIVE_UP_AFTER_FAILURES times in a row. After `ended` and `gave-up` nothing happens until the next
 * Connect.
 */
export type RelayPhase = 'idle' | 'connecting' | 'open' | 'retrying' | 'ended' | 'gave-up'

export interface RelayGateway {
  id: number
  /** Known from the Connect click or the first `state` message; null until then. */
  name: string | null
}

/** The primary role moved while the relay showed the former primary, so the relay followed it. */
export interface PrimaryMove {
  from: RelayGateway
  to: RelayGateway
  /** Why it moved (the `gateway.failover` event's reason); null until known, or moved by hand. */
  reason: string | null
}

/** A relayed event in the feed; `key` numbers the relay's events from 1, for list keys. */
export type FeedEvent = LiveEventMessage & { key: number }

export interface RelaySnapshot {
  phase: RelayPhase
  /** The relayed gateway (kept after it ended, to say which one); null when idle. */
  gateway: RelayGateway | null
  /** The seed's ConnectionState of the upstream, as the API last reported it. */
  state: ConnectionState
  /** When the next attempt starts (unix ms): the API's upstream retry or the browser's own. */
  reconnectAt: number | null
  /** Relayed gateway events, newest first, at most FEED_LIMIT. */
  events: readonly FeedEvent[]
  /** How many events the relay passed on in all (the feed keeps the newest FEED_LIMIT). */
  received: number
  /** The code of the browser socket's last close in this relay (4404, 1012, …); null before. */
  closeCode: number | null
  /** Failed attempts to reach the gateway since it was last connected (or the relay started). */
  failures: number
  /** Set when this relay switched to the gateway by itself, following the primary role. */
  moved: PrimaryMove | null
}

export const IDLE_SNAPSHOT: RelaySnapshot = {
  phase: 'idle',
  gateway: null,
  state: DISCONNECTED_STATE,
  reconnectAt: null,
  events: [],
  received: 0,
  closeCode: null,
  failures: 0,
  moved: null,
}

/** A relay is active while it may still deliver: the gateway's card offers Close live view then. */
export const isActive = (phase: RelayPhase) =>
  phase === 'connecting' || phase === 'open' || phase === 'retrying'

/** One frame's text as a message of the contract; null for anything else (ignored). */
export function parseRelayMessage(data: unknown): LiveMessage | null {
  if (typeof data !== 'string') return null
  let json: unknown
  try {
    json = JSON.parse(data)
  } catch {
    return null
  }
  const parsed = liveMessageSchema.safeParse(json)
  return parsed.success ? parsed.data : null
}

/** The snapshot after a message of the relayed gateway arrived at `now` (unix ms). */
export function applyRelayMessage(snapshot: RelaySnapshot, message: LiveMessage, now: number): RelaySnapshot {
  if (snapshot.gateway?.id !== message.gateway_id) return snapshot
  if (message.type === 'event') {
    const received = snapshot.received + 1
    const events = [{ ...message, key: received }, ...snapshot.events]
    if (events.length > FEED_LIMIT) events.length = FEED_LIMIT
    return { ...snapshot, events, received }
  }
  const { state } = message
  const reconnectAt =
    !state.isConnected && message.reconnect_in_ms !== null ? now + message.reconnect_in_ms : null
  const failed = !state.isConnected && state.error !== null && reconnectAt !== null
  const newFailure =
    failed && (snapshot.reconnectAt === null || reconnectAt - snapshot.reconnectAt > SAME_ATTEMPT_MS)
  return {
    ...snapshot,
    phase: 'open',
    gateway: { id: message.gateway_id, name: message.gateway_name },
    state,
    reconnectAt,
    failures: state.isConnected ? 0 : snapshot.failures + (newFailure ? 1 : 0),
  }
}

/** The gateway failed too often in a row: stop, keeping the last error to explain why. */
export const shouldGiveUp = (snapshot: RelaySnapshot) =>
  snapshot.phase === 'open' && snapshot.failures >= GIVE_UP_AFTER_FAILURES

export function giveUp(snapshot: RelaySnapshot): RelaySnapshot {
  return { ...snapshot, phase: 'gave-up', reconnectAt: null }
}

/** What a close of the browser's socket means: retry (with a reason to show) or the end, and why. */
export interface CloseOutcome {
  code: number
  retry: boolean
  error: string
}

const ENDING_CLOSES: Readonly<Record<number, string>> = {
  [LIVE_CLOSE.gatewayDeleted]: 'Gateway deleted',
  [LIVE_CLOSE.tokenChanged]: 'Gateway token changed: connect again',
  [LIVE_CLOSE.unauthorized]: 'Not authorized: signed out, or lacking the operator role',
}

/** Maps a close code (and the API's reason text, if any) to what the UI does and says. */
export function closeOutcome(code: number, reason: string): CloseOutcome {
  const ending = ENDING_CLOSES[code]
  if (ending) return { code, retry: false, error: ending }
  if (code === LIVE_CLOSE.serverRestart) return { code, retry: true, error: 'Mission Control is restarting' }
  const why = reason.trim() || (code === 1006 ? 'network error' : `code ${code}`)
  return { code, retry: true, error: `Lost the live connection (${why})` }
}

/** The snapshot once the browser's socket closed: disconnected, with the reason, retrying or not. */
export function applyClose(
  snapshot: RelaySnapshot,
  outcome: CloseOutcome,
  reconnectAt: number | null,
): RelaySnapshot {
  return {
    ...snapshot,
    phase: outcome.retry ? 'retrying' : 'ended',
    state: { ...snapshot.state, isConnected: false, error: outcome.error },
    reconnectAt: outcome.retry ? reconnectAt : null,
    closeCode: outcome.code,
  }
}

/** A new relay to `gateway`: the feed carries over only when it is the same gateway again. */
export function startRelay(snapshot: RelaySnapshot, gateway: RelayGateway): RelaySnapshot {
  const same = snapshot.gateway?.id === gateway.id
  return {
    phase: 'connecting',
    gateway: { id: gateway.id, name: gateway.name ?? (same ? (snapshot.gateway?.name ?? null) : null) },
    state: DISCONNECTED_STATE,
    reconnectAt: null,
    events: same ? snapshot.events : [],
    received: same ? snapshot.received : 0,
    closeCode: null,
    failures: 0,
    moved: null,
  }
}

const nameOf = (gateway: RelayGateway) => gateway.name ?? `gateway #${gateway.id}`

/** "Primary moved from gw-a to gw-b: gw-a failed 3 probes in a row (…)", for the live view. */
export function primaryMoveText(move: PrimaryMove): string {
  const moved = `Primary moved from ${nameOf(move.from)} to ${nameOf(move.to)}`
  return move.reason ? `${moved}: ${move.reason}` : `${moved}.`
}
