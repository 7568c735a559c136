import { describe, expect, it } from 'vitest'
import { cardLiveStatus, connectionLook, connectionUrl, reconnectText } from './connection-view.ts'
import { IDLE_SNAPSHOT, type LiveSnapshot } from './live-session.ts'

const UP = { isConnected: true, url: 'ws://10.0.0.1:18789', latency: 5, lastPing: 1, error: null }
const snap = (overrides: Partial<LiveSnapshot>): LiveSnapshot => ({
  ...IDLE_SNAPSHOT,
  gateway: { id: 1, name: 'Alpha' },
  ...overrides,
})

describe('connectionLook', () => {
  it('is a steady green Connected, an amber Connecting… at first, a pulsing red Disconnected otherwise', () => {
    expect(connectionLook(snap({ phase: 'open', state: UP }))).toEqual({
      label: 'Connected',
      tone: 'ok',
      pulse: false,
    })
    expect(connectionLook(snap({ phase: 'connecting' }))).toMatchObject({
      label: 'Connecting…',
      tone: 'warn',
    })
    const failed = { ...UP, isConnected: false, error: 'gateway stopping' }
    expect(connectionLook(snap({ phase: 'connecting', state: failed }))).toMatchObject({
      label: 'Disconnected',
    })
    expect(connectionLook(IDLE_SNAPSHOT)).toEqual({ label: 'Disconnected', tone: 'error', pulse: true })
  })
})

describe('reconnectText', () => {
  it('counts whole seconds up, then says it is due', () => {
    expect(reconnectText(null, 0)).toBeNull()
    expect(reconnectText(5_000, 0)).toBe('reconnecting in 5s')
    expect(reconnectText(5_000, 900)).toBe('reconnecting in 5s')
    expect(reconnectText(5_000, 5_000)).toBe('reconnecting…')
  })
})

describe('connectionUrl', () => {
  it('is the upstream’s URL while a session is active, the seed’s text otherwise', () => {
    expect(connectionUrl(snap({ phase: 'open', state: UP }))).toBe(UP.url)
    expect(connectionUrl(snap({ phase: 'ended', state: UP }))).toBe('No active connection')
    expect(connectionUrl(IDLE_SNAPSHOT)).toBe('No active connection')
  })
})

describe('cardLiveStatus', () => {
  it('marks only the session’s gateway, and only while the session is active', () => {
    expect(cardLiveStatus(snap({ phase: 'open', state: UP }), 1)).toBe('connected')
    expect(cardLiveStatus(snap({ phase: 'retrying' }), 1)).toBe('connecting')
    expect(cardLiveStatus(snap({ phase: 'open', state: UP }), 2)).toBeNull()
    expect(cardLiveStatus(snap({ phase: 'ended' }), 1)).toBeNull()
  })
})
