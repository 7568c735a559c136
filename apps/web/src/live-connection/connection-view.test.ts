import { describe, expect, it } from 'vitest'
import {
  cardLiveStatus,
  connectionUrl,
  LIVE_STATUS_LOOK,
  liveStatus,
  reconnectText,
  retryProgress,
} from './connection-view.ts'
import { GIVE_UP_AFTER_FAILURES, IDLE_SNAPSHOT, type LiveSnapshot } from './live-session.ts'

const UP = { isConnected: true, url: 'ws://10.0.0.1:18789', latency: 5, lastPing: 1, error: null }
const DOWN = { ...UP, isConnected: false, latency: null, error: 'connect ECONNREFUSED' }
const snap = (overrides: Partial<LiveSnapshot>): LiveSnapshot => ({
  ...IDLE_SNAPSHOT,
  gateway: { id: 1, name: 'Alpha' },
  ...overrides,
})

describe('liveStatus', () => {
  it('is Not connected before any session, Connecting… at first, Connected once the gateway is up', () => {
    expect(liveStatus(IDLE_SNAPSHOT)).toBe('idle')
    expect(liveStatus(snap({ phase: 'connecting' }))).toBe('connecting')
    expect(liveStatus(snap({ phase: 'open' }))).toBe('connecting')
    expect(liveStatus(snap({ phase: 'open', state: UP }))).toBe('connected')
  })

  it('is Reconnecting… after a failure, also while the next attempt runs, until connected again', () => {
    expect(liveStatus(snap({ phase: 'open', state: DOWN, failures: 1 }))).toBe('reconnecting')
    expect(liveStatus(snap({ phase: 'open', state: { ...DOWN, error: null }, failures: 1 }))).toBe(
      'reconnecting',
    )
    expect(liveStatus(snap({ phase: 'retrying', state: DOWN }))).toBe('reconnecting')
  })

  it('says when it gave up or the API ended it', () => {
    expect(liveStatus(snap({ phase: 'gave-up', state: DOWN }))).toBe('gave-up')
    expect(liveStatus(snap({ phase: 'ended', state: DOWN }))).toBe('ended')
  })

  it('gives every status its own words, and only an attempt under way pulses', () => {
    const looks = Object.values(LIVE_STATUS_LOOK)
    expect(new Set(looks.map((look) => look.label)).size).toBe(looks.length)
    expect(looks.filter((look) => look.pulse).map((look) => look.label)).toEqual(['Connecting…'])
    expect(LIVE_STATUS_LOOK.reconnecting.tone).not.toBe('error')
    expect(LIVE_STATUS_LOOK['gave-up'].tone).not.toBe('error')
  })
})

describe('cardLiveStatus', () => {
  it('marks only the session’s gateway, with the same status, and nothing while idle', () => {
    expect(cardLiveStatus(snap({ phase: 'open', state: UP }), 1)).toBe('connected')
    expect(cardLiveStatus(snap({ phase: 'retrying' }), 1)).toBe('reconnecting')
    expect(cardLiveStatus(snap({ phase: 'gave-up' }), 1)).toBe('gave-up')
    expect(cardLiveStatus(snap({ phase: 'open', state: UP }), 2)).toBeNull()
    expect(cardLiveStatus(IDLE_SNAPSHOT, 1)).toBeNull()
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

describe('connectionUrl', () => {
  it('is the upstream’s URL while a session is active, "No active connection" otherwise', () => {
    expect(connectionUrl(snap({ phase: 'open', state: UP }))).toBe(UP.url)
    expect(connectionUrl(snap({ phase: 'ended', state: UP }))).toBe('No active connection')
    expect(connectionUrl(IDLE_SNAPSHOT)).toBe('No active connection')
  })
})
