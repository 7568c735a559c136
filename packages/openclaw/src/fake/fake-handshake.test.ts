import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { connectParams, openRaw, rawConnect } from '../testing/raw-client.ts'
import { type FakeGateway, startFakeGateway } from './fake-gateway.ts'

let fake: FakeGateway

beforeEach(async () => {
  fake = await startFakeGateway({ token: 'good-token' })
})
afterEach(() => fake.stop())

describe('fake gateway handshake', () => {
  it('sends connect.challenge right after the upgrade', async () => {
    const client = await openRaw(fake.url)
    const challenge = await client.next()
    expect(challenge).toMatchObject({ type: 'event', event: 'connect.challenge' })
    expect(challenge.payload.nonce).toMatch(/^[0-9a-f-]{36}$/)
    expect(typeof challenge.payload.ts).toBe('number')
    await client.close()
  })

  it('answers a valid connect with hello-ok', async () => {
    const { client, answer } = await rawConnect(fake.url, connectParams('good-token'))
    expect(answer).toMatchObject({
      type: 'res',
      ok: true,
      payload: {
        type: 'hello-ok',
        protocol: 4,
        server: { version: '2026.9.6' },
        auth: { role: 'operator', scopes: ['operator.read'] },
        policy: { tickIntervalMs: 30_000 },
      },
    })
    expect(answer.payload.features.methods).toContain('sessions.list')
    await client.close()
  })

  it.each([
    [{ foo: 1 }, "invalid connect params: at root: unexpected property 'foo'"],
    [
      { client: { id: 'monitor', version: '1', platform: 'linux', mode: 'backend' } },
      'invalid connect params: at /client/id: must be equal to one of the allowed values',
    ],
    [
      { client: { id: 'gateway-client', version: '1', platform: 'linux', mode: 'daemon' } },
      'invalid connect params: at /client/mode: must be equal to one of the allowed values',
    ],
    [
      { client: { id: 'gateway-client', version: '1', platform: 'linux', mode: 'backend', x: 1 } },
      "invalid connect params: at /client: unexpected property 'x'",
    ],
    [
      { auth: { token: 'good-token', apiKey: 'x' } },
      "invalid connect params: at /auth: unexpected property 'apiKey'",
    ],
  ])('rejects strict-schema violations (%j) with close 1008', async (overrides, message) => {
    const { client, answer } = await rawConnect(fake.url, connectParams('good-token', overrides))
    expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST', message } })
    expect((await client.closed).code).toBe(1008)
  })

  it('wants connect first', async () => {
    const client = await openRaw(fake.url)
    await client.next()
    client.send({ type: 'req', id: 'h', method: 'health', params: {} })
    const answer = await client.next((frame) => frame.id === 'h')
    expect(answer.error).toEqual({
      code: 'INVALID_REQUEST',
      message: 'invalid handshake: first request must be connect',
    })
    expect((await client.closed).code).toBe(1008)
  })

  it('rejects a protocol range without 4 with PROTOCOL_MISMATCH and close 1002', async () => {
    const { client, answer } = await rawConnect(
      fake.url,
      connectParams('good-token', { minProtocol: 5, maxProtocol: 6 }),
    )
    expect(answer.error).toMatchObject({
      code: 'INVALID_REQUEST',
      message: 'protocol mismatch',
      details: { code: 'PROTOCOL_MISMATCH', expectedProtocol: 4, clientMinProtocol: 5 },
    })
    expect(await client.closed).toEqual({ code: 1002, reason: 'protocol mismatch' })
  })

  it('wants a token from a client without device identity', async () => {
    const { client, answer } = await rawConnect(fake.url, connectParams(undefined))
    expect(answer.error).toMatchObject({ code: 'NOT_PAIRED', details: { code: 'DEVICE_IDENTITY_REQUIRED' } })
    expect((await client.closed).code).toBe(1008)
  })

  it('rejects a wrong token late, later for each failure, and resets after a success', async () => {
    await fake.stop()
    fake = await startFakeGateway({ token: 'good-token', rejectDelayScale: 2 })
    const rejectionMs = async () => {
      const started = performance.now()
      const { client, answer } = await rawConnect(fake.url, connectParams('wrong'))
      expect(answer.error).toMatchObject({
        code: 'INVALID_REQUEST',
        details: { code: 'AUTH_TOKEN_MISMATCH' },
      })
      expect((await client.closed).code).toBe(1008)
      return performance.now() - started
    }
    expect(await rejectionMs()).toBeGreaterThanOrEqual(490) // 250 ms × 2
    expect(await rejectionMs()).toBeGreaterThanOrEqual(990) // 500 ms × 2
    const { client } = await rawConnect(fake.url, connectParams('good-token'))
    await client.close()
    // Back to the first step (500 ms), well short of the third (2000 ms).
    expect(await rejectionMs()).toBeLessThan(1900)
  })

  it('answers UNAVAILABLE with close 1013 while starting', async () => {
    fake.setStarting(true)
    const { client, answer } = await rawConnect(fake.url, connectParams('good-token'))
    expect(answer.error).toEqual({
      code: 'UNAVAILABLE',
      message: 'gateway starting; retry shortly',
      retryable: true,
      retryAfterMs: 500,
      details: { reason: 'startup-sidecars' },
    })
    expect(await client.closed).toEqual({ code: 1013, reason: 'gateway starting' })
  })

  it('gives device-less clients other than gateway-client/backend and cli/cli no scopes', async () => {
    const probe = { client: { id: 'openclaw-probe', version: '1', platform: 'linux', mode: 'probe' } }
    const cli = { client: { id: 'cli', version: '1', platform: 'linux', mode: 'cli' } }
    const first = await rawConnect(fake.url, connectParams('good-token', probe))
    expect(first.answer.payload.auth.scopes).toEqual([])
    const second = await rawConnect(fake.url, connectParams('good-token', cli))
    expect(second.answer.payload.auth.scopes).toEqual(['operator.read'])
    await Promise.all([first.client.close(), second.client.close()])
  })

  it('closes pre-auth frames over 64 KiB with 1009', async () => {
    const client = await openRaw(fake.url)
    await client.next()
    client.send({ type: 'req', id: 'c1', method: 'connect', params: { pad: 'x'.repeat(70_000) } })
    expect((await client.closed).code).toBe(1009)
  })

  it('closes a silent client after the handshake timeout with 1000', async () => {
    await fake.stop()
    fake = await startFakeGateway({ handshakeTimeoutMs: 50 })
    const client = await openRaw(fake.url)
    await client.next()
    expect((await client.closed).code).toBe(1000)
  })

  it('records what clients sent', async () => {
    const params = connectParams('good-token')
    const { client } = await rawConnect(`${fake.url}/some/path`, params)
    await client.close()
    expect(fake.lastConnect).toEqual(params)
    expect(fake.records.http.at(-1)).toMatchObject({ method: 'GET', url: '/some/path', upgrade: true })
    expect(fake.records.closes).toEqual([1000])
  })
})
