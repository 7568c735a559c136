import { describe, expect, it } from 'vitest'
import { GIVE_UP_AFTER_FAILURES, IDLE_SNAPSHOT, type RelaySnapshot } from './relay-snapshot.ts'
import {
  cardRelayStatus,
  RELAY_STATUS_LOOK,
  reconnectText,
  relayStatus,
  retryProgress,
  upstreamUrl,
} from './relay-status.ts'

const UP = { isConnected: true, url: 'ws://10.0.0.1:18789', latency: 5, lastPing: 1, error: null }
const DOWN = { ...UP, isConnected: false, latency: null, error: 'connect ECONNREFUSED' }
const snap = (overrides: Partial<RelaySnapshot>): RelaySnapshot => ({
  ...IDLE_SNAPSHOT,
  gateway: { id: 1, name: 'Alpha' },
  ...overrides,
})

describe('relayStatus', () => {
  it('is Not connected before any relay, Connecting… at first, Connected once the gateway is up', () => {
    expect(relayStatus(IDLE_SNAPSHOT)).toBe('idle')
    expect(relayStatus(snap({ phase: 'connecting' }))).toBe('connecting')
    expect(relayStatus(snap({ phase: 'open' }))).toBe('connecting')
    expect(relayStatus(snap({ phase: 'open', state: UP }))).toBe('connected')
  })

  it('is Reconnecting… after a failure, also while the next attempt runs, until connected again', () => {
    expect(relayStatus(snap({ phase: 'open', state: DOWN, failures: 1 }))).toBe('reconnecting')
    expect(relayStatus(snap({ phase: 'open', state: { ...DOWN, error: null }, failures: 1 }))).toBe(
      'reconnecting',
    )
    expect(relayStatus(snap({ phase: 'retrying', state: DOWN }))).toBe('reconnecting')
  })

  it('says when it gave up or the API ended it', () => {
    expect(relayStatus(snap({ phase: 'gave-up', state: DOWN }))).toBe('gave-up')
    expect(relayStatus(snap({ phase: 'ended', state: DOWN }))).toBe('ended')
  })

  it('gives every status its own words, and only an attempt under way pulses', () => {
    const looks = Object.values(RELAY_STATUS_LOOK)
    expect(new Set(looks.map((look) => look.label)).size).toBe(looks.length)
    expect(looks.filter((look) => look.pulse).map((look) => look.label)).toEqual(['Connecting…'])
    expect(RELAY_STATUS_LOOK.reconnecting.tone).not.toBe('error')
    expect(RELAY_STATUS_LOOK['gave-up'].tone).not.toBe('error')
  })
})

describe('cardRelayStatus', () => {
  it('marks only the relay’s gateway, with the same status, and nothing while idle', () => {
    expect(cardRelayStatus(snap({ phase: 'open', state: UP }), 1)).toBe('connected')
    expect(cardRelayStatus(snap({ phase: 'retrying' }), 1)).toBe('reconnecting')
    expect(cardRelayStatus(snap({ phase: 'gave-up' }), 1)).toBe('gave-up')
    expect(cardRelayStatus(snap({ phase: 'open', state: UP }), 2)).toBeNull()
    expect(cardRelayStatus(IDLE_SNAPSHOT, 1)).toBeNull()
  })
})

describe('reconnectText', () => {
  it('counts whole seconds up, then says it is due', () => {
    expect(reconnectText(null, 0)).toBeNull()
    expect(reconnectText(5_000, 0)).toBe('next attempt in 5 s')
    expect(reconnectText(5_000, 900)).toBe('next attempt in 5 s')
    expect(reconnectText(5_000, 5_000)).toBe('trying again…')
  })
})

describe('retryProgress', () => {
  it('counts the failed attempts towards giving up, and says when it stopped', () => {
    expect(retryProgress(snap({ phase: 'open', state: DOWN, failures: 2, reconnectAt: 3_000 }), 0)).toBe(
      `attempt 2 of ${GIVE_UP_AFTER_FAILURES} failed · next attempt in 3 s`,
    )
    expect(retryProgress(snap({ phase: 'retrying', state: DOWN, reconnectAt: 1_000 }), 0)).toBe(
      'next attempt in 1 s',
    )
    expect(retryProgress(snap({ phase: 'gave-up', state: DOWN }), 0)).toBe(
      `Stopped after ${GIVE_UP_AFTER_FAILURES} failed attempts in a row`,
    )
    expect(retryProgress(snap({ phase: 'open', state: UP }), 0)).toBeNull()
  })
})

describe('upstreamUrl', () => {
  it('is the upstream’s URL while a relay is active, "No active connection" otherwise', () => {
    expect(upstreamUrl(snap({ phase: 'open', state: UP }))).toBe(UP.url)
    expect(upstreamUrl(snap({ phase: 'ended', state: UP }))).toBe('No active connection')
    expect(upstreamUrl(IDLE_SNAPSHOT)).toBe('No active connection')
  })
})
