import { randomBytes } from 'node:crypto'
import {
  createGateway,
  deleteGateway,
  type GatewayRow,
  presentGateway,
  storeRotatedToken,
  updateGateway,
  updateUser,
} from '@mc/db'
import { openRelay, type RelayClient, refusedStatus } from '@mc/local-stack/relay-client'
import { type FakeGateway, startFakeGateway } from '@mc/openclaw/fake'
import { publishEvent } from '@mc/runtime'
import { LIVE_CLOSE, type LiveMessage, type LiveStateMessage, liveGatewayPath } from '@mc/shared'
import { eventually } from '@mc/testing'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { eventSubscriberName } from '../events/event-hub.ts'
import { type HttpListener, listen } from '../http/listen.ts'
import { startApi } from '../server.ts'
import { makeApiKey, makeSignInCookie, makeUser } from '../testing/factories.ts'
import { useTestApp } from '../testing/test-app.ts'

// Short intervals, so pings, reconnects and re-authentication happen within a test.
const t = useTestApp({
  LIVE_PING_INTERVAL_MS: '100',
  LIVE_BACKOFF_BASE_MS: '20',
  LIVE_BACKOFF_MAX_MS: '100',
  LIVE_REAUTH_INTERVAL_MS: '100',
  PROBE_TIMEOUT_MS: '1000',
})

let listener: HttpListener
let operator: Record<string, string>
/** Every frame any browser received and every token used, for the leak check at the end. */
const frames: string[] = []
const tokens: string[] = []
const fakes: FakeGateway[] = []
const clients: RelayClient[] = []

const secret = () => {
  const token = `gw-token-${randomBytes(12).toString('hex')}`
  tokens.push(token)
  return token
}
async function fake(options: { token?: string; port?: number } = {}) {
  const gateway = await startFakeGateway({ token: options.token ?? secret(), port: options.port ?? 0 })
  fakes.push(gateway)
  return gateway
}
async function register(gateway: FakeGateway, token = gateway.token): Promise<GatewayRow> {
  return createGateway(t.deps.db, {
    name: `live-${randomBytes(4).toString('hex')}`,
    host: '127.0.0.1',
    port: gateway.port,
    token: t.deps.tokenCipher.encrypt(token),
    isPrimary: false,
  })
}
const liveUrl = (id: number) => `ws://127.0.0.1:${listener.port}${liveGatewayPath(id)}`
async function watch(id: number, headers = operator) {
  const client = await openRelay(liveUrl(id), headers, frames)
  clients.push(client)
  return client
}
const isState = (test: (message: LiveStateMessage) => boolean) => (message: LiveMessage) =>
  message.type === 'state' && test(message)
const connected = isState((m) => m.state.isConnected)
const stateOf = async (client: RelayClient, test: (message: LiveStateMessage) => boolean) =>
  (await client.next(isState(test))) as LiveStateMessage
const prefix = () => t.deps.config.REDIS_PREFIX
const now = () => Math.floor(Date.now() / 1000)

beforeAll(async () => {
  listener = await listen(t.app.fetch, { port: 0, hostname: '127.0.0.1' })
  await makeUser(t.deps.db, { role: 'admin' }) // so that other users can be disabled
  const cookie = await makeSignInCookie(t.deps.db, await makeUser(t.deps.db, { role: 'operator' }))
  operator = { cookie, origin: `http://127.0.0.1:${listener.port}` }
})
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()))
  await Promise.all(fakes.splice(0).map((gateway) => gateway.stop()))
})
afterAll(async () => {
  await t.deps.relay.close()
  await listener.close()
})

describe('GET /api/gateways/:id/live', () => {
  it('relays state, events and latency, and switching gateways closes the old upstream', async () => {
    const [a, b] = [await fake(), await fake()]
    const [rowA, rowB] = [await register(a), await register(b)]
    const browser = await watch(rowA.id)
    expect(await browser.next()).toEqual({
      type: 'state',
      gateway_id: rowA.id,
      gateway_name: rowA.name,
      state: { isConnected: false, url: a.url, latency: null, lastPing: null, error: null },
      reconnect_in_ms: null,
    })
    expect(await browser.next(connected)).toMatchObject({ state: { url: `ws://127.0.0.1:${a.port}` } })
    a.emitEvent('presence', { entries: [{ host: 'box' }] })
    expect(await browser.next((m) => m.type === 'event' && m.event === 'presence')).toMatchObject({
      gateway_id: rowA.id,
      payload: { entries: [{ host: 'box' }] },
      seq: expect.any(Number),
      at: expect.any(Number),
    })
    const measured = await stateOf(browser, (m) => m.state.latency !== null)
    expect(measured.state).toMatchObject({ isConnected: true, latency: expect.any(Number) })
    expect(measured.state.lastPing).toBeGreaterThan(Date.now() - 5000)
    expect(a.records.requests.some((request) => request.method === 'health')).toBe(true)

    await browser.close()
    const other = await watch(rowB.id)
    expect(await other.next(connected)).toMatchObject({ gateway_id: rowB.id, state: { url: b.url } })
    await eventually(() => expect(a.connectionCount).toBe(0))
    expect(b.connectionCount).toBe(1)
    expect(t.deps.relay.stats()).toEqual({ upstreams: 1, watchers: 1 })
  })

  it('reports a gateway that stops and reconnects when it is back', async () => {
    const a = await fake()
    const row = await register(a)
    const browser = await watch(row.id)
    await browser.next(connected)
    await a.stop()
    expect(await browser.next((m) => m.type === 'event' && m.event === 'shutdown')).toMatchObject({
      payload: { reason: 'gateway stopping' },
    })
    const lost = await stateOf(browser, (m) => !m.state.isConnected)
    expect(lost.state).toMatchObject({
      url: a.url,
      latency: null,
      error: 'gateway stopping (close 1012: service restart)',
    })
    expect(lost.reconnect_in_ms).toBeGreaterThan(0)
    expect(
      (await stateOf(browser, (m) => /refused/.test(m.state.error ?? ''))).reconnect_in_ms,
    ).toBeGreaterThan(0)

    await fake({ port: a.port, token: a.token })
    expect(await browser.next(connected)).toMatchObject({ state: { url: a.url, error: null } })
  })

  it('reports a rejected token and keeps retrying', async () => {
    const a = await fake()
    const row = await register(a, secret())
    const browser = await watch(row.id)
    const first = await stateOf(browser, (m) => m.state.error !== null)
    expect(first.state.error).toContain('token mismatch')
    expect(first.reconnect_in_ms).toBeGreaterThan(0)
    await stateOf(browser, (m) => m.state.error !== null)
    expect(a.records.connects.length).toBeGreaterThanOrEqual(2)
  })

  it('survives a token rotation: reconnects by itself and reads the new token once it is stored', async () => {
    const a = await fake()
    const row = await register(a)
    const browser = await watch(row.id)
    await browser.next(connected)
    const rotated = secret()
    // The owner applies a manual rotation's token: the gateway drops shared-token logins (4001).
    a.setToken(rotated)
    const lost = await stateOf(browser, (m) => !m.state.isConnected && m.state.error !== null)
    expect(lost.state.error).toContain('4001')
    // Until the new token is stored, the relay keeps retrying with the old one.
    await stateOf(browser, (m) => /token mismatch/.test(m.state.error ?? ''))
    await storeRotatedToken(t.deps.db, row.id, t.deps.tokenCipher.encrypt(rotated), 'manual')
    // The browser's socket stayed open throughout (next() fails on a closed one).
    await browser.next(connected)
    await eventually(() => expect(a.connectionCount).toBe(1))
  })

  it('shares one upstream between browsers (cookie or operator key) and closes it with the last', async () => {
    const a = await fake()
    const row = await register(a)
    const first = await watch(row.id)
    await first.next(connected)
    const second = await watch(row.id, { 'x-api-key': (await makeApiKey(t.deps.db, 'operator')).key })
    expect(await second.next()).toMatchObject({ type: 'state', state: { isConnected: true } })
    expect(a.connectionCount).toBe(1)
    expect(t.deps.relay.stats()).toEqual({ upstreams: 1, watchers: 2 })

    a.emitEvent('presence', { n: 1 })
    for (const browser of [first, second])
      await browser.next((m) => m.type === 'event' && m.event === 'presence')
    await first.close()
    a.emitEvent('presence', { n: 2 })
    expect(await second.next((m) => m.type === 'event')).toMatchObject({ payload: { n: 2 } })
    expect(a.connectionCount).toBe(1)
    await second.close()
    await eventually(() => expect(a.connectionCount).toBe(0))
    expect(t.deps.relay.stats()).toEqual({ upstreams: 0, watchers: 0 })
  })

  it('follows a gateway moved to another port (learned from the event hub)', async () => {
    const a = await fake()
    const moved = await fake({ token: a.token })
    const row = await register(a)
    const browser = await watch(row.id)
    await browser.next(connected)
    const update = await updateGateway(t.deps.db, row.id, { port: moved.port, name: 'moved' })
    if (!update) throw new Error('gateway vanished')
    await publishEvent(t.deps.redis, prefix(), {
      type: 'gateway.updated',
      gateway: presentGateway(update.after),
      token_changed: false,
      at: now(),
    })
    expect(
      await browser.next(isState((m) => m.state.isConnected && m.state.url === moved.url)),
    ).toMatchObject({
      gateway_name: 'moved',
    })
    await eventually(() => expect(a.connectionCount).toBe(0))
    expect(moved.connectionCount).toBe(1)
  })

  it('ends the relays of a deleted gateway and of a changed token', async () => {
    const [a, b] = [await fake(), await fake()]
    const [rowA, rowB] = [await register(a), await register(b)]
    const [onA, onB] = [await watch(rowA.id), await watch(rowB.id)]
    await Promise.all([onA.next(connected), onB.next(connected)])

    await deleteGateway(t.deps.db, rowA.id)
    await publishEvent(t.deps.redis, prefix(), {
      type: 'gateway.deleted',
      gateway_id: rowA.id,
      name: rowA.name,
      at: now(),
    })
    expect(await onA.closed).toEqual({ code: LIVE_CLOSE.gatewayDeleted, reason: 'gateway deleted' })

    const update = await updateGateway(t.deps.db, rowB.id, { token: t.deps.tokenCipher.encrypt(secret()) })
    if (!update) throw new Error('gateway vanished')
    await publishEvent(t.deps.redis, prefix(), {
      type: 'gateway.updated',
      gateway: presentGateway(update.after),
      token_changed: true,
      at: now(),
    })
    expect(await onB.closed).toEqual({ code: LIVE_CLOSE.tokenChanged, reason: 'gateway token changed' })
    await eventually(() => expect(a.connectionCount + b.connectionCount).toBe(0))
  })

  it('re-reads every gateway when the event subscription comes back (edits may have been missed)', async () => {
    const [a, b] = [await fake(), await fake()]
    const row = await register(a)
    const browser = await watch(row.id)
    await browser.next(connected)
    // Moved to b's port (and token), but nobody announced it.
    await updateGateway(t.deps.db, row.id, { port: b.port, token: t.deps.tokenCipher.encrypt(b.token) })
    const clients = (await t.deps.redis.client('LIST')) as string
    const name = eventSubscriberName(prefix())
    const id = /\bid=(\d+)/.exec(clients.split('\n').find((l) => l.includes(` name=${name} `)) ?? '')?.[1]
    await t.deps.redis.client('KILL', 'ID', String(id))
    await stateOf(browser, (m) => m.state.isConnected && m.state.url === `ws://127.0.0.1:${b.port}`)
    await eventually(() => expect(a.connectionCount).toBe(0))
  })

  it('cuts off a browser whose sign-in ends', async () => {
    const a = await fake()
    const row = await register(a)
    const user = await makeUser(t.deps.db, { role: 'operator' })
    const browser = await watch(row.id, { ...operator, cookie: await makeSignInCookie(t.deps.db, user) })
    await browser.next(connected)
    await updateUser(t.deps.db, user.id, { disabled: true })
    expect((await browser.closed).code).toBe(LIVE_CLOSE.unauthorized)
  })

  it('refuses whoever may not watch, before upgrading', async () => {
    const row = await register(await fake())
    const viewer = await makeSignInCookie(t.deps.db, await makeUser(t.deps.db, { role: 'viewer' }))
    expect(await refusedStatus(liveUrl(row.id), {})).toBe(401)
    expect(await refusedStatus(liveUrl(row.id), { ...operator, cookie: viewer })).toBe(403)
    expect(await refusedStatus(liveUrl(row.id), { ...operator, origin: 'https://evil.example' })).toBe(403)
    expect(await refusedStatus(liveUrl(row.id), { cookie: operator.cookie as string })).toBe(403)
    expect(await refusedStatus(liveUrl(2_000_000_000), operator)).toBe(404)
    const plain = await fetch(`http://127.0.0.1:${listener.port}${liveGatewayPath(row.id)}`, {
      headers: operator,
    })
    expect(plain.status).toBe(426)
    expect(await plain.json()).toEqual({ error: expect.stringContaining('WebSocket') })
    expect(t.deps.relay.stats().upstreams).toBe(0)
  })

  it('on api shutdown closes every browser with 1012 and every upstream', async () => {
    const a = await fake()
    const row = await register(a)
    const api = await startApi({
      ...t.deps.config,
      PORT: 0,
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      MIGRATE_ON_START: false,
    })
    const origin = `http://127.0.0.1:${api.port}`
    const url = `ws://127.0.0.1:${api.port}${liveGatewayPath(row.id)}`
    const browser = await openRelay(url, { ...operator, origin }, frames)
    clients.push(browser)
    await browser.next(connected)
    // An open event stream on a keep-alive connection must not hold the shutdown up either.
    const events = await fetch(`${origin}/api/events`, { headers: operator })
    expect(events.status).toBe(200)
    await events.body?.getReader().read()
    const started = Date.now()
    await api.stop()
    expect(Date.now() - started).toBeLessThan(3000)
    expect((await browser.closed).code).toBe(LIVE_CLOSE.serverRestart)
    await eventually(() => expect(a.connectionCount).toBe(0))
  })

  // Last: it checks what every test above sent and logged.
  it('never lets a gateway token reach a browser or the logs', () => {
    expect(frames.length).toBeGreaterThan(20)
    expect(t.logs.join('\n')).toContain('relay upstream connected')
    for (const token of tokens) {
      for (const frame of frames) expect(frame).not.toContain(token)
      for (const line of t.logs) expect(line).not.toContain(token)
    }
  })
})
