import { DISCONNECTED_STATE, LIVE_CLOSE, type LiveMessage } from '@mc/shared'
import { describe, expect, it } from 'vitest'
import {
  applyClose,
  applyRelayMessage,
  closeOutcome,
  FEED_LIMIT,
  GIVE_UP_AFTER_FAILURES,
  IDLE_SNAPSHOT,
  parseRelayMessage,
  primaryMoveText,
  type RelaySnapshot,
  shouldGiveUp,
  startRelay,
} from './relay-snapshot.ts'

const UP = { isConnected: true, url: 'ws://10.0.0.1:18789', latency: 12, lastPing: 1_000, error: null }

const stateMessage = (overrides: Partial<Extract<LiveMessage, { type: 'state' }>> = {}): LiveMessage => ({
  type: 'state',
  gateway_id: 1,
  gateway_name: 'Alpha',
  state: UP,
  reconnect_in_ms: null,
  ...overrides,
})

const eventMessage = (seq: number, gatewayId = 1): LiveMessage => ({
  type: 'event',
  gateway_id: gatewayId,
  event: 'tick',
  payload: { ts: seq },
  seq,
  at: 1_000 + seq,
})

const started = (): RelaySnapshot => startRelay(IDLE_SNAPSHOT, { id: 1, name: null })

describe('parseRelayMessage', () => {
  it('accepts the contract’s messages', () => {
    expect(parseRelayMessage(JSON.stringify(stateMessage()))).toEqual(stateMessage())
    expect(parseRelayMessage(JSON.stringify(eventMessage(3)))).toEqual(eventMessage(3))
  })
  it('ignores anything else: bad JSON, unknown types, missing fields, binary frames', () => {
    expect(parseRelayMessage('{')).toBeNull()
    expect(parseRelayMessage(JSON.stringify({ type: 'hello', gateway_id: 1 }))).toBeNull()
    expect(parseRelayMessage(JSON.stringify({ type: 'state', gateway_id: 1 }))).toBeNull()
    expect(parseRelayMessage(new ArrayBuffer(4))).toBeNull()
  })
})

describe('applyRelayMessage', () => {
  it('takes the state and the gateway’s name from a state message', () => {
    const next = applyRelayMessage(started(), stateMessage(), 5_000)
    expect(next).toMatchObject({
      phase: 'open',
      gateway: { id: 1, name: 'Alpha' },
      state: UP,
      reconnectAt: null,
    })
  })
  it('turns the API’s reconnect_in_ms into a time while the upstream is down', () => {
    const down = { ...DISCONNECTED_STATE, url: UP.url, error: 'gateway stopping' }
    const next = applyRelayMessage(started(), stateMessage({ state: down, reconnect_in_ms: 4_000 }), 5_000)
    expect(next.state.error).toBe('gateway stopping')
    expect(next.reconnectAt).toBe(9_000)
  })
  it('counts each failed attempt once, repeats of the same one not, and starts over once connected', () => {
    const down = { ...DISCONNECTED_STATE, url: UP.url, error: 'connect ECONNREFUSED' }
    const failure = (at: number, inMs: number) => (snapshot: RelaySnapshot) =>
      applyRelayMessage(snapshot, stateMessage({ state: down, reconnect_in_ms: inMs }), at)
    let snapshot = failure(0, 1_000)(started())
    expect(snapshot.failures).toBe(1)
    // The same failure again (a second tab joined, the gateway was renamed): the same next attempt.
    snapshot = failure(400, 600)(snapshot)
    expect(snapshot.failures).toBe(1)
    // The attempt itself (no error yet), then its failure, due 2 s later.
    snapshot = applyRelayMessage(snapshot, stateMessage({ state: { ...down, error: null } }), 1_000)
    expect(snapshot.failures).toBe(1)
    snapshot = failure(1_010, 2_000)(snapshot)
    expect(snapshot.failures).toBe(2)
    expect(shouldGiveUp(snapshot)).toBe(false)
    snapshot = applyRelayMessage(snapshot, stateMessage(), 3_100)
    expect(snapshot.failures).toBe(0)
  })
  it('gives up after GIVE_UP_AFTER_FAILURES failed attempts in a row', () => {
    const down = { ...DISCONNECTED_STATE, url: UP.url, error: 'connect ECONNREFUSED' }
    let snapshot = started()
    for (let attempt = 1; attempt <= GIVE_UP_AFTER_FAILURES; attempt++) {
      expect(shouldGiveUp(snapshot)).toBe(false)
      snapshot = applyRelayMessage(
        snapshot,
        stateMessage({ state: down, reconnect_in_ms: 1_000 }),
        attempt * 1_000,
      )
    }
    expect(snapshot.failures).toBe(GIVE_UP_AFTER_FAILURES)
    expect(shouldGiveUp(snapshot)).toBe(true)
  })
  it('puts events first and keeps only the newest FEED_LIMIT, numbered for keys', () => {
    let snapshot = started()
    for (let seq = 1; seq <= FEED_LIMIT + 5; seq++)
      snapshot = applyRelayMessage(snapshot, eventMessage(seq), 0)
    expect(snapshot.events).toHaveLength(FEED_LIMIT)
    expect(snapshot.received).toBe(FEED_LIMIT + 5)
    expect(snapshot.events[0]).toMatchObject({ seq: FEED_LIMIT + 5, key: FEED_LIMIT + 5 })
    expect(snapshot.events.at(-1)?.seq).toBe(6)
  })
  it('ignores messages about another gateway (a late one from before a switch)', () => {
    const snapshot = started()
    expect(applyRelayMessage(snapshot, eventMessage(1, 2), 0)).toBe(snapshot)
    expect(applyRelayMessage(snapshot, stateMessage({ gateway_id: 2 }), 0)).toBe(snapshot)
  })
})

describe('closeOutcome', () => {
  it('ends the relay for a deleted gateway, a changed token and a lost authorization', () => {
    expect(closeOutcome(LIVE_CLOSE.gatewayDeleted, '')).toEqual({
      code: 4404,
      retry: false,
      error: 'Gateway deleted',
    })
    expect(closeOutcome(LIVE_CLOSE.tokenChanged, '')).toMatchObject({ retry: false, error: /token changed/ })
    expect(closeOutcome(LIVE_CLOSE.unauthorized, '')).toMatchObject({ retry: false, error: /Not authorized/ })
  })
  it('retries after a server restart and any other close, saying why', () => {
    expect(closeOutcome(LIVE_CLOSE.serverRestart, '')).toMatchObject({ retry: true, error: /restarting/ })
    expect(closeOutcome(1006, '')).toMatchObject({
      retry: true,
      error: 'Lost the live connection (network error)',
    })
    expect(closeOutcome(1011, 'internal error')).toMatchObject({
      error: 'Lost the live connection (internal error)',
    })
    expect(closeOutcome(1000, '')).toMatchObject({
      retry: true,
      error: 'Lost the live connection (code 1000)',
    })
  })
})

describe('applyClose', () => {
  const open = applyRelayMessage(started(), stateMessage(), 0)
  it('shows the reason and the retry time', () => {
    const next = applyClose(open, closeOutcome(1006, ''), 3_000)
    expect(next).toMatchObject({ phase: 'retrying', reconnectAt: 3_000, closeCode: 1006 })
    expect(next.state).toMatchObject({ isConnected: false, url: UP.url, error: /network error/ })
  })
  it('ends without a retry time for an ending close', () => {
    const next = applyClose(open, closeOutcome(4404, ''), 3_000)
    expect(next).toMatchObject({ phase: 'ended', reconnectAt: null, closeCode: 4404, gateway: { id: 1 } })
  })
})

describe('startRelay', () => {
  const withEvents = applyRelayMessage(applyRelayMessage(started(), stateMessage(), 0), eventMessage(1), 0)
  it('keeps the feed and the name when it is the same gateway again', () => {
    const next = startRelay(withEvents, { id: 1, name: null })
    expect(next).toMatchObject({ phase: 'connecting', gateway: { id: 1, name: 'Alpha' }, received: 1 })
    expect(next.events).toHaveLength(1)
    expect(next.state).toEqual(DISCONNECTED_STATE)
  })
  it('starts an empty feed for another gateway', () => {
    const next = startRelay(withEvents, { id: 2, name: 'Bravo' })
    expect(next).toMatchObject({ gateway: { id: 2, name: 'Bravo' }, events: [], received: 0 })
  })
})

describe('primaryMoveText', () => {
  it('says where the primary moved and why, naming gateways known only by id', () => {
    const from = { id: 1, name: 'gw-a' }
    expect(primaryMoveText({ from, to: { id: 2, name: 'gw-b' }, reason: 'gw-a failed 2 probes' })).toBe(
      'Primary moved from gw-a to gw-b: gw-a failed 2 probes',
    )
    expect(primaryMoveText({ from, to: { id: 2, name: null }, reason: null })).toBe(
      'Primary moved from gw-a to gateway #2.',
    )
  })
})
