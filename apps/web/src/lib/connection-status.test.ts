import { describe, expect, it } from 'vitest'
import { disconnectReasonLabel, heartbeatState, parseMetadata } from './connection-status.ts'

const open = { status: 'connected' as const, last_heartbeat: 1000, created_at: 900, expires_at: 1060 }

describe('heartbeatState', () => {
  it('is live while heartbeats come within 30 s', () => {
    expect(heartbeatState(open, 1030)).toBe('live')
  })
  it('is late after 30 s without one, until the connection expires', () => {
    expect(heartbeatState(open, 1031)).toBe('late')
    expect(heartbeatState(open, 1059)).toBe('late')
  })
  it('is expiring once past expires_at but not yet swept', () => {
    expect(heartbeatState(open, 1060)).toBe('expiring')
  })
  it('counts from registration when no heartbeat came yet', () => {
    expect(heartbeatState({ ...open, last_heartbeat: null }, 931)).toBe('late')
    expect(heartbeatState({ ...open, last_heartbeat: null }, 930)).toBe('live')
  })
  it('is closed once disconnected, whatever the times', () => {
    expect(heartbeatState({ ...open, status: 'disconnected' }, 5000)).toBe('closed')
  })
})

describe('disconnectReasonLabel', () => {
  it('says the known reasons in words and passes others through', () => {
    expect(disconnectReasonLabel('heartbeat_timeout')).toBe('no heartbeat for too long')
    expect(disconnectReasonLabel('replaced')).toMatch(/replaced/)
    expect(disconnectReasonLabel('server_restart')).toBe('server restart')
    expect(disconnectReasonLabel(null)).toBe('closed')
  })
})

describe('parseMetadata', () => {
  it('parses JSON, keeps other text, and has nothing for empty', () => {
    expect(parseMetadata('{"model":"x"}')).toEqual({ model: 'x' })
    expect(parseMetadata('not json')).toBe('not json')
    expect(parseMetadata(null)).toBeNull()
    expect(parseMetadata(' ')).toBeNull()
  })
})
