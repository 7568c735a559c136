import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type FakeGateway, startFakeGateway } from '../fake/index.ts'
import { probeGateway } from './probe-gateway.ts'

let secure: FakeGateway
let plain: FakeGateway
const options = { clientVersion: '1', timeoutMs: 10_000 }
const SELF_SIGNED =
  'TLS: self-signed certificate (turn on "allow self-signed certificate" for this gateway if you trust it)'

beforeAll(async () => {
  secure = await startFakeGateway({ tls: true, agents: 2, sessions: 1 })
  plain = await startFakeGateway()
})
afterAll(() => Promise.all([secure.stop(), plain.stop()]))

describe('probeGateway over TLS', () => {
  it('accepts a self-signed certificate only when the gateway allows it', async () => {
    expect(secure.url).toMatch(/^wss:\/\//)
    expect(await probeGateway(secure.target({ tlsInsecure: true }), options)).toMatchObject({
      status: 'online',
      agentsCount: 2,
      sessionsCount: 1,
    })
    expect(await probeGateway(secure.target({ tlsInsecure: false }), options)).toMatchObject({
      status: 'error',
      error: SELF_SIGNED,
    })
  })

  it('checks the certificate on the HTTP probe too', async () => {
    expect(await probeGateway(secure.target({ token: null, tlsInsecure: true }), options)).toMatchObject({
      status: 'online',
      method: 'http',
    })
    expect(await probeGateway(secure.target({ token: null, tlsInsecure: false }), options)).toMatchObject({
      status: 'error',
      error: SELF_SIGNED,
    })
  })

  it('says when the server does not speak TLS', async () => {
    const result = await probeGateway(
      { host: 'wss://127.0.0.1', port: plain.port, token: plain.token },
      options,
    )
    expect(result).toMatchObject({ status: 'error', error: expect.stringMatching(/^TLS: /) })
  })
})
