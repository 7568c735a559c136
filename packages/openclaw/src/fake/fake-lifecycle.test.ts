import net from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { connectParams, openRaw, rawConnect } from '../testing/raw-client.ts'
import { type FakeGateway, startFakeGateway } from './fake-gateway.ts'

const started: FakeGateway[] = []
async function start(options: Parameters<typeof startFakeGateway>[0] = {}) {
  const fake = await startFakeGateway(options)
  started.push(fake)
  return fake
}
afterEach(() => Promise.all(started.splice(0).map((fake) => fake.stop())))

function httpGet(fake: FakeGateway, path: string, method = 'GET') {
  return fetch(`http://127.0.0.1:${fake.port}${path}`, { method }).then(async (response) => ({
    status: response.status,
    type: response.headers.get('content-type'),
    body: await response.text(),
  }))
}

describe('fake gateway events and lifecycle', () => {
  it('sends health after hello, then tick and health every tickIntervalMs, numbered by seq', async () => {
    const fake = await start({ tickIntervalMs: 20 })
    const { client } = await rawConnect(fake.url, connectParams(fake.token))
    const first = await client.next((frame) => frame.type === 'event')
    expect(first).toMatchObject({ event: 'health', seq: 1, payload: { ok: true } })
    const ticks = [await client.next((f) => f.event === 'tick'), await client.next((f) => f.event === 'tick')]
    expect(ticks[0].seq).toBeLessThan(ticks[1].seq)
    expect(typeof ticks[0].payload.ts).toBe('number')
    fake.emitEvent('presence', { entries: [] })
    expect(await client.next((frame) => frame.event === 'presence')).toMatchObject({
      payload: { entries: [] },
    })
    await client.close()
  })

  it('announces shutdown, closes with 1012, frees the port and its timers on stop()', async () => {
    const fake = await startFakeGateway({ tickIntervalMs: 10 })
    const { client } = await rawConnect(fake.url, connectParams(fake.token))
    const shutdown = client.next((frame) => frame.event === 'shutdown')
    await fake.stop()
    expect(await shutdown).toMatchObject({ payload: { reason: 'gateway stopping' } })
    expect(await client.closed).toEqual({ code: 1012, reason: 'service restart' })
    const again = net.createServer()
    await new Promise<void>((resolve) => again.listen(fake.port, '127.0.0.1', resolve))
    await new Promise((resolve) => again.close(resolve))
  })

  it('keeps listening after shutdown(), like a restart', async () => {
    const fake = await start()
    const first = await rawConnect(fake.url, connectParams(fake.token))
    fake.shutdown()
    expect((await first.client.closed).code).toBe(1012)
    const second = await rawConnect(fake.url, connectParams(fake.token))
    expect(second.answer.ok).toBe(true)
    await second.client.close()
  })

  it('serves the plain HTTP surface of the real gateway', async () => {
    const fake = await start({ starting: true })
    expect(await httpGet(fake, '/health')).toEqual({
      status: 200,
      type: 'application/json; charset=utf-8',
      body: '{"ok":true,"status":"live"}',
    })
    expect((await httpGet(fake, '/healthz', 'HEAD')).status).toBe(200)
    expect((await httpGet(fake, '/health', 'POST')).status).toBe(405)
    expect(await httpGet(fake, '/readyz')).toMatchObject({ status: 503 })
    fake.setStarting(false)
    expect(JSON.parse((await httpGet(fake, '/readyz')).body)).toMatchObject({ ready: true, failing: [] })
    expect(await httpGet(fake, '/anything')).toMatchObject({ status: 200, type: 'text/html; charset=utf-8' })
  })

  it('plays a plain web server in http-only mode', async () => {
    const fake = await start({ mode: 'http-only' })
    expect(await httpGet(fake, '/health')).toMatchObject({ status: 200, type: 'text/html; charset=utf-8' })
    await expect(openRaw(fake.url)).rejects.toThrow('Unexpected server response: 200')
  })

  it('sends non-JSON in garbage mode and drops the socket mid-handshake when told', async () => {
    const fake = await start({ mode: 'garbage' })
    const garbage = await openRaw(fake.url)
    expect(typeof (await garbage.next())).toBe('string')
    await garbage.close()
    fake.setMode('close-mid-handshake')
    const client = await openRaw(fake.url)
    expect(await client.next()).toMatchObject({ event: 'connect.challenge' })
    client.send({ type: 'req', id: 'c1', method: 'connect', params: connectParams(fake.token) })
    expect((await client.closed).code).toBe(1006)
  })

  it('is cheap: 700 fakes start and stop in one process', async () => {
    const fakes = await Promise.all(Array.from({ length: 700 }, () => startFakeGateway()))
    expect(new Set(fakes.map((fake) => fake.port)).size).toBe(700)
    await Promise.all(fakes.map((fake) => fake.stop()))
  }, 30_000)
})
