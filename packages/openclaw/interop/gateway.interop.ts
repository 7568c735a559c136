import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { connectGateway } from '../src/client/connect.ts'
import type { GatewayEvent } from '../src/client/frame-channel.ts'
import { type FakeGateway, startFakeGateway } from '../src/fake/index.ts'
import { probeGateway } from '../src/probe/probe-gateway.ts'
import { connectParams, openRaw, rawConnect } from '../src/testing/raw-client.ts'
import { type PublishedProtocol, readPublishedProtocol } from './support/protocol-schema.ts'
import { type RealGateway, startRealGateway } from './support/real-gateway.ts'
import { INTEROP_VERSIONS } from './support/versions.ts'

let gateway: RealGateway
let fake: FakeGateway
let protocol: PublishedProtocol
const probeOptions = { clientVersion: 'interop', timeoutMs: 10_000 }

beforeAll(async () => {
  const installation = inject('openclaw')
  protocol = await readPublishedProtocol(installation.protocolSchema)
  gateway = await startRealGateway(installation)
  console.log(`openclaw interop: gateway ready on port ${gateway.port} after ${gateway.startSeconds} s`)
  fake = await startFakeGateway({ token: gateway.token })
})
afterAll(async () => {
  await Promise.all([gateway?.stop(), fake?.stop()])
})

describe(`probeGateway against openclaw@${INTEROP_VERSIONS.openclaw}`, () => {
  it('reports online with the gateway version and the exact agents and sessions counts', async () => {
    const before = await probeGateway(gateway.target(), probeOptions)
    expect(before).toMatchObject({
      status: 'online',
      version: INTEROP_VERSIONS.openclaw,
      method: 'websocket',
    })
    expect(before.latencyMs).toBeGreaterThanOrEqual(0)

    const scopes = ['operator.read', protocol.scopeOf('agents.create'), protocol.scopeOf('sessions.create')]
    const admin = await connectGateway(gateway.target(), { clientVersion: 'interop', scopes })
    try {
      for (const name of ['interop-alpha', 'interop-beta']) {
        const created = await admin.request('agents.create', protocol.check('AgentsCreateParams', { name }), {
          timeoutMs: 30_000,
        })
        expect(created).toMatchObject({ ok: true, agentId: name })
      }
      for (const params of [
        { label: 'interop one' },
        { label: 'interop two' },
        { agentId: 'interop-alpha' },
      ]) {
        const created = await admin.request(
          'sessions.create',
          protocol.check('SessionsCreateParams', params),
          {
            timeoutMs: 30_000,
          },
        )
        expect(created).toMatchObject({ ok: true })
      }
    } finally {
      await admin.close()
    }

    // The gateway applies agents.create through a config reload: the new agents can show a moment
    // after the answer (seen once in CI as one agent short), so wait for the count to settle.
    const expectedAgents = (before.agentsCount ?? 0) + 2
    await expect
      .poll(async () => (await probeGateway(gateway.target(), probeOptions)).agentsCount, { timeout: 20_000 })
      .toBe(expectedAgents)
    const after = await probeGateway(gateway.target(), probeOptions)
    expect(after).toEqual({
      status: 'online',
      latencyMs: expect.any(Number),
      version: INTEROP_VERSIONS.openclaw,
      agentsCount: expectedAgents,
      sessionsCount: (before.sessionsCount ?? 0) + 3,
      error: null,
      method: 'websocket',
    })
  })

  it('says "token rejected by gateway" for a wrong token', async () => {
    const result = await probeGateway(gateway.target({ token: 'not-the-token' }), probeOptions)
    expect(result).toMatchObject({ status: 'error', error: 'token rejected by gateway' })
  })

  it('is online over HTTP without a token', async () => {
    expect(await probeGateway(gateway.target({ token: null }), probeOptions)).toMatchObject({
      status: 'online',
      method: 'http',
      version: null,
    })
  })

  it('gets the same handshake answers from the fake as from the real gateway', async () => {
    const cases: Record<string, unknown>[] = [
      connectParams('not-the-token'),
      connectParams(undefined),
      connectParams(gateway.token, { minProtocol: 5, maxProtocol: 6 }),
      connectParams(gateway.token, {
        client: { id: 'monitor', version: '1', platform: 'linux', mode: 'backend' },
      }),
      connectParams(gateway.token, { extra: true }),
    ]
    for (const params of cases) {
      const [real, faked] = await Promise.all([
        handshake(gateway.target().port, params),
        handshake(fake.port, params),
      ])
      expect(faked, JSON.stringify(params)).toEqual(real)
    }
  })

  it('gives a device-less probe client no scopes, on both', async () => {
    const params = connectParams(gateway.token, {
      client: { id: 'openclaw-probe', version: '1', platform: 'linux', mode: 'probe' },
    })
    for (const port of [gateway.port, fake.port]) {
      const { client, answer } = await rawConnect(`ws://127.0.0.1:${port}`, params)
      expect(answer.payload.auth.scopes).toEqual([])
      await client.close()
    }
  })

  it('answers `health {}` (the live relay’s latency ping) to an operator.read client, as the fake does', async () => {
    const answers: unknown[] = []
    for (const target of [gateway.target(), fake.target()]) {
      const connection = await connectGateway(target, { clientVersion: 'interop', scopes: ['operator.read'] })
      try {
        answers.push(await connection.request('health', {}, { timeoutMs: 10_000 }))
      } finally {
        await connection.close()
      }
    }
    for (const answer of answers) expect(answer).toMatchObject({ ok: true })
  })

  it('relays events and sees the shutdown event and close 1012 when the gateway stops', async () => {
    const events: GatewayEvent[] = []
    const connection = await connectGateway(gateway.target(), {
      clientVersion: 'interop',
      onEvent: (event) => events.push(event),
    })
    expect(connection.hello.policy.tickIntervalMs).toBe(30_000)
    expect(connection.hello.features.methods).toEqual(
      expect.arrayContaining(['agents.list', 'sessions.list']),
    )
    await gateway.stop()
    expect(await connection.closed).toMatchObject({ code: 1012 })
    const shutdown = events.find((event) => event.event === 'shutdown')
    expect(shutdown).toMatchObject({ payload: { reason: 'gateway stopping' }, seq: expect.any(Number) })
  })
})

/** One raw connect: what came back and how the socket closed. */
async function handshake(port: number, params: Record<string, unknown>) {
  const client = await openRaw(`ws://127.0.0.1:${port}`)
  await client.next()
  client.send({ type: 'req', id: 'c1', method: 'connect', params })
  const answer = await client.next((frame) => frame.id === 'c1', 10_000)
  const { code } = answer.ok ? { code: null } : await client.closed
  await client.close()
  return {
    ok: answer.ok,
    code: answer.error?.code,
    details: answer.error?.details,
    message: answer.error?.message,
    close: code,
  }
}
