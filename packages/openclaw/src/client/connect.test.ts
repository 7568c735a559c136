import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type FakeGateway, startFakeGateway } from '../fake/index.ts'
import { connectGateway } from './connect.ts'
import type { GatewayEvent } from './frame-channel.ts'
import type { GatewayClient } from './gateway-client.ts'
import { GatewayError } from './gateway-error.ts'

const TOKEN = 'tok-9f8e7d6c5b4a'
let fake: FakeGateway
let client: GatewayClient | undefined

beforeEach(async () => {
  fake = await startFakeGateway({ token: TOKEN, version: '2026.9.6-test', tickIntervalMs: 20 })
})
afterEach(async () => {
  await client?.close()
  client = undefined
  await fake.stop()
})

async function rejection(promise: Promise<unknown>): Promise<GatewayError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  )
  expect(error).toBeInstanceOf(GatewayError)
  return error as GatewayError
}

describe('connectGateway', () => {
  it('sends the strict device-less backend connect and exposes hello-ok', async () => {
    client = await connectGateway(fake.target(), { clientVersion: '0.3.1' })
    expect(fake.lastConnect).toEqual({
      minProtocol: 4,
      maxProtocol: 4,
      client: { id: 'gateway-client', version: '0.3.1', platform: process.platform, mode: 'backend' },
      role: 'operator',
      scopes: ['operator.read'],
      auth: { token: TOKEN },
    })
    expect(client.hello.server.version).toBe('2026.9.6-test')
    expect(client.hello.features.methods).toContain('agents.list')
    expect(client.hello.policy.tickIntervalMs).toBe(20)
    expect(client.hello.auth?.scopes).toEqual(['operator.read'])
    expect(client.handshakeMs).toBeGreaterThanOrEqual(0)
    expect(client.url).toBe(fake.url)
  })

  it('sends the token only in auth.token', async () => {
    client = await connectGateway(fake.target(), { clientVersion: '1', scopes: ['operator.read'] })
    await client.request('agents.list')
    const sent = [...fake.records.frames, ...fake.records.http.map((request) => JSON.stringify(request))]
    const carriers = sent.filter((text) => text.includes(TOKEN))
    expect(carriers).toHaveLength(1)
    const connect = JSON.parse(carriers[0] ?? '{}')
    expect(connect.method).toBe('connect')
    expect(JSON.stringify({ ...connect.params, auth: undefined })).not.toContain(TOKEN)
  })

  it('asks for the scopes it is given', async () => {
    client = await connectGateway(fake.target(), {
      clientVersion: '1',
      scopes: ['operator.read', 'operator.write'],
    })
    expect(client.hello.auth?.scopes).toEqual(['operator.read', 'operator.write'])
    await client.request('sessions.create', { label: 'x' })
    expect(fake.counts().sessions).toBe(1)
  })

  it('matches answers to requests by id when they come out of order', async () => {
    fake.setMethodDelay('agents.list', 150)
    client = await connectGateway(fake.target(), { clientVersion: '1' })
    const order: string[] = []
    const agents = client.request('agents.list').then((payload) => order.push('agents') && payload)
    const info = client.request('system.info').then((payload) => order.push('info') && payload)
    const [agentsPayload, infoPayload] = await Promise.all([agents, info])
    expect(order).toEqual(['info', 'agents'])
    expect(agentsPayload).toMatchObject({ defaultId: 'main' })
    expect(infoPayload).toMatchObject({ hostname: 'fake-gateway' })
  })

  it('surfaces events with seq, from the first one after hello', async () => {
    const events: GatewayEvent[] = []
    client = await connectGateway(fake.target(), {
      clientVersion: '1',
      onEvent: (event) => events.push(event),
    })
    const ticks = await new Promise<GatewayEvent[]>((resolve) => {
      const seen: GatewayEvent[] = []
      client?.onEvent((event) => {
        if (event.event === 'tick') seen.push(event)
        if (seen.length === 2) resolve(seen)
      })
    })
    expect(events[0]).toMatchObject({ event: 'health', seq: 1 })
    expect(ticks[0]?.seq).toBeLessThan(ticks[1]?.seq ?? 0)
  })

  it('closes cleanly with 1000', async () => {
    client = await connectGateway(fake.target(), { clientVersion: '1' })
    await client.close()
    expect(await client.closed).toMatchObject({ code: 1000, error: null })
    expect(client.isOpen).toBe(false)
    expect(fake.records.closes).toEqual([1000])
    expect((await rejection(client.request('health'))).kind).toBe('closed')
  })

  it('reports a gateway shutdown through closed', async () => {
    const events: string[] = []
    client = await connectGateway(fake.target(), {
      clientVersion: '1',
      onEvent: (e) => events.push(e.event),
    })
    fake.shutdown()
    expect(await client.closed).toMatchObject({ code: 1012, reason: 'service restart' })
    expect(events).toContain('shutdown')
  })

  it('rejects pending requests when the connection drops', async () => {
    fake.setMethodDelay('sessions.list', 10_000)
    client = await connectGateway(fake.target(), { clientVersion: '1' })
    const pending = client.request('sessions.list', { limit: 1 })
    fake.shutdown()
    const error = await rejection(pending)
    expect(error).toMatchObject({ kind: 'closed', closeCode: 1012 })
    expect(error.message).toContain('sessions.list')
  })

  it('times out one request and keeps the connection', async () => {
    fake.setMethodDelay('status', 1000)
    client = await connectGateway(fake.target(), { clientVersion: '1' })
    const error = await rejection(client.request('status', {}, { timeoutMs: 30 }))
    expect(error).toMatchObject({ kind: 'timeout', message: 'timed out waiting for status' })
    expect(await client.request('health')).toMatchObject({ ok: true })
  })

  it('carries the gateway error on a rejected request', async () => {
    client = await connectGateway(fake.target(), { clientVersion: '1', scopes: [] })
    const error = await rejection(client.request('agents.list'))
    expect(error).toMatchObject({
      kind: 'rejected',
      method: 'agents.list',
      code: 'FORBIDDEN',
      detailsCode: 'MISSING_SCOPE',
      gatewayMessage: 'missing scope: operator.read',
    })
  })
})

describe('connectGateway failures', () => {
  it('carries code, details code and close code of a rejected token', async () => {
    const error = await rejection(connectGateway(fake.target({ token: 'wrong' }), { clientVersion: '1' }))
    expect(error).toMatchObject({
      kind: 'rejected',
      method: 'connect',
      code: 'INVALID_REQUEST',
      detailsCode: 'AUTH_TOKEN_MISMATCH',
      retryable: false,
      closeCode: 1008,
    })
    expect(JSON.stringify({ ...error, message: error.message })).not.toContain('wrong')
  })

  it('carries retryable and retryAfterMs while the gateway starts', async () => {
    fake.setStarting(true)
    const error = await rejection(connectGateway(fake.target(), { clientVersion: '1' }))
    expect(error).toMatchObject({ code: 'UNAVAILABLE', retryable: true, retryAfterMs: 500, closeCode: 1013 })
  })

  it('says NOT_PAIRED without a token', async () => {
    const error = await rejection(connectGateway(fake.target({ token: null }), { clientVersion: '1' }))
    expect(error).toMatchObject({
      code: 'NOT_PAIRED',
      detailsCode: 'DEVICE_IDENTITY_REQUIRED',
      closeCode: 1008,
    })
  })

  it('honours the handshake timeout and an abort signal', async () => {
    fake.setMode('blackhole')
    const timedOut = await rejection(connectGateway(fake.target(), { clientVersion: '1', timeoutMs: 50 }))
    expect(timedOut).toMatchObject({
      kind: 'timeout',
      message: 'timed out waiting for the WebSocket upgrade',
    })
    const controller = new AbortController()
    const aborted = rejection(
      connectGateway(fake.target(), { clientVersion: '1', signal: controller.signal }),
    )
    controller.abort()
    expect((await aborted).kind).toBe('aborted')
  })

  it('turns a bad address into an error, not a throw from ws', async () => {
    const error = await rejection(
      connectGateway({ host: 'wss://', port: 1, token: 't' }, { clientVersion: '1' }),
    )
    expect(error.kind).toBe('invalid-target')
  })
})
