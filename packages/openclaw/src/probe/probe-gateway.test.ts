import { describe, expect, it } from 'vitest'
import { connectGateway } from '../client/connect.ts'
import { useFakeGateways } from '../testing/fake-gateways.ts'
import { closedPort } from '../testing/free-port.ts'
import { probeGateway } from './probe-gateway.ts'
import type { ProbeReading } from './probe-reading.ts'

const TOKEN = 'probe-token-5d1c'
const fakeGateway = useFakeGateways(TOKEN)

// Generous where an answer is expected (CI machines are small and busy); short only to provoke timeouts.
const options = { clientVersion: '0.1.0-test', timeoutMs: 10_000 }
const failed = { latencyMs: null, version: null, sessionsCount: null, agentsCount: null, method: 'websocket' }

function expectNoToken(result: ProbeReading) {
  expect(JSON.stringify(result)).not.toContain(TOKEN)
}

describe('probeGateway over WebSocket', () => {
  it('reports online with latency, version and both counts', async () => {
    const fake = await fakeGateway({ version: '2026.9.6-fake', agents: 3, sessions: 42 })
    const result = await probeGateway(fake.target(), options)
    expect(result).toEqual({
      status: 'online',
      latencyMs: expect.any(Number),
      version: '2026.9.6-fake',
      agentsCount: 3,
      sessionsCount: 42,
      error: null,
      method: 'websocket',
    })
    expect(fake.records.requests).toEqual([
      { method: 'agents.list', params: {} },
      { method: 'sessions.list', params: { limit: 1 } },
    ])
    expect(fake.records.closes).toEqual([1000])
  })

  it('sees counts that another client changed', async () => {
    const fake = await fakeGateway()
    const admin = await connectGateway(fake.target(), { clientVersion: '1', scopes: ['operator.admin'] })
    await admin.request('agents.create', { name: 'builder' })
    await admin.request('sessions.create', { agentId: 'builder' })
    await admin.request('sessions.create', {})
    await admin.close()
    expect(await probeGateway(fake.target(), options)).toMatchObject({ agentsCount: 2, sessionsCount: 2 })
  })

  it('says "token rejected by gateway" for a wrong token, even when the answer is late', async () => {
    const fake = await fakeGateway({ rejectDelayScale: 1 })
    const started = performance.now()
    const result = await probeGateway(fake.target({ token: 'not-the-token' }), options)
    expect(performance.now() - started).toBeGreaterThanOrEqual(200)
    expect(result).toEqual({ ...failed, status: 'error', error: 'token rejected by gateway' })
    expect(JSON.stringify(result)).not.toContain('not-the-token')
  })

  it('says timeout when the rejection comes after the deadline', async () => {
    const fake = await fakeGateway({ rejectDelayScale: 20 })
    const result = await probeGateway(fake.target({ token: 'wrong' }), { ...options, timeoutMs: 300 })
    expect(result.status).toBe('timeout')
    expect(result.error).toBe('no answer within 300 ms (timed out waiting for the connect answer)')
  })

  it('names the protocol the gateway expects', async () => {
    const fake = await fakeGateway({ protocol: 5 })
    expect(await probeGateway(fake.target(), options)).toMatchObject({
      status: 'error',
      error: 'protocol mismatch: gateway expects protocol 5, this monitor speaks 4',
    })
  })

  it('says the gateway is starting, with the retry hint', async () => {
    const fake = await fakeGateway({ starting: true })
    expect(await probeGateway(fake.target(), options)).toMatchObject({
      status: 'error',
      error: 'gateway is starting (retry in 500 ms)',
    })
  })

  it('says which scope is missing when a list call is forbidden', async () => {
    const fake = await fakeGateway()
    fake.setTokenScopes([])
    expect(await probeGateway(fake.target(), options)).toMatchObject({
      status: 'error',
      error: expect.stringMatching(
        /^token lacks scope operator\.read \(needed for (agents|sessions)\.list\)$/,
      ),
    })
  })

  it('classifies a black-holed host as timeout', async () => {
    const fake = await fakeGateway({ mode: 'blackhole' })
    const result = await probeGateway(fake.target(), { ...options, timeoutMs: 200 })
    expect(result).toEqual({
      ...failed,
      status: 'timeout',
      error: 'no answer within 200 ms (timed out waiting for the WebSocket upgrade)',
    })
  })

  it('puts the list calls under the same deadline', async () => {
    const fake = await fakeGateway({ methodDelaysMs: { 'sessions.list': 5000 } })
    const result = await probeGateway(fake.target(), { ...options, timeoutMs: 300 })
    expect(result).toMatchObject({ status: 'timeout', error: expect.stringContaining('sessions.list') })
  })

  it('is online when a slow gateway answers within the deadline, timeout when not', async () => {
    const fake = await fakeGateway({ mode: 'slow', slowMs: 50 })
    expect((await probeGateway(fake.target(), options)).status).toBe('online')
    fake.setMode('slow', 1000)
    expect((await probeGateway(fake.target(), { ...options, timeoutMs: 300 })).status).toBe('timeout')
  })

  it('classifies a refused port as offline', async () => {
    const refused = await probeGateway({ host: '127.0.0.1', port: await closedPort(), token: TOKEN }, options)
    expect(refused).toEqual({ ...failed, status: 'offline', error: 'connection refused (ECONNREFUSED)' })
  })

  // Defined behaviour: the gateway spoke (it sent the challenge), so the failure is an error, not offline.
  it('classifies a connection dropped after the challenge as error', async () => {
    const fake = await fakeGateway({ mode: 'close-mid-handshake' })
    expect(await probeGateway(fake.target(), options)).toEqual({
      ...failed,
      status: 'error',
      error: 'gateway closed the connection while waiting for the connect answer (close 1006)',
    })
  })

  it('says "not an OpenClaw gateway" for non-JSON frames and for a plain web server', async () => {
    const garbage = await fakeGateway({ mode: 'garbage' })
    const web = await fakeGateway({ mode: 'http-only' })
    expect(await probeGateway(garbage.target(), options)).toMatchObject({
      status: 'error',
      error: 'not an OpenClaw gateway (sent a non-JSON frame before connect.challenge)',
    })
    expect(await probeGateway(web.target(), options)).toMatchObject({
      status: 'error',
      error: 'not an OpenClaw gateway (HTTP 200 instead of a WebSocket upgrade)',
    })
  })

  it('never returns the token', async () => {
    const fake = await fakeGateway()
    for (const mode of ['normal', 'garbage', 'http-only', 'close-mid-handshake'] as const) {
      fake.setMode(mode)
      expectNoToken(await probeGateway(fake.target(), options))
    }
    expectNoToken(await probeGateway(fake.target({ host: 'wss://', port: 1 }), options))
  })
})
