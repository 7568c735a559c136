import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { describe, expect, it } from 'vitest'
import { useFakeGateways } from '../testing/fake-gateways.ts'
import { closedPort } from '../testing/free-port.ts'
import { probeGateway } from './probe-gateway.ts'

const fakeGateway = useFakeGateways()

const options = { clientVersion: '1', timeoutMs: 10_000 }
const failed = { latencyMs: null, version: null, sessionsCount: null, agentsCount: null, method: 'http' }

describe('probeGateway without a token (GET /health)', () => {
  it('is online with latency and no counts or version', async () => {
    const fake = await fakeGateway({ starting: true })
    expect(await probeGateway(fake.target({ token: null }), options)).toEqual({
      status: 'online',
      latencyMs: expect.any(Number),
      version: null,
      sessionsCount: null,
      agentsCount: null,
      error: null,
      method: 'http',
    })
    expect(fake.records.http).toEqual([
      expect.objectContaining({ method: 'GET', url: '/health', upgrade: false }),
    ])
    expect(fake.records.frames).toEqual([])
  })

  it('treats an empty token like none', async () => {
    const fake = await fakeGateway()
    expect((await probeGateway(fake.target({ token: '' }), options)).method).toBe('http')
  })

  it('is offline when refused and timeout when nothing answers', async () => {
    const port = await closedPort()
    expect(await probeGateway({ host: '127.0.0.1', port, token: null }, options)).toEqual({
      ...failed,
      status: 'offline',
      error: 'connection refused (ECONNREFUSED)',
    })
    const fake = await fakeGateway({ mode: 'blackhole' })
    expect(await probeGateway(fake.target({ token: null }), { ...options, timeoutMs: 200 })).toEqual({
      ...failed,
      status: 'timeout',
      error: 'no answer within 200 ms (GET /health)',
    })
  })

  it('is an error for a web page or another status', async () => {
    const web = await fakeGateway({ mode: 'http-only' })
    expect(await probeGateway(web.target({ token: null }), options)).toEqual({
      ...failed,
      status: 'error',
      error: 'not an OpenClaw gateway (GET /health answered 200 text/html)',
    })
    const server = http.createServer((_request, response) => response.writeHead(503).end())
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as AddressInfo
    try {
      expect(await probeGateway({ host: '127.0.0.1', port, token: null }, options)).toMatchObject({
        status: 'error',
        error: 'GET /health answered HTTP 503',
      })
    } finally {
      await new Promise((resolve) => server.close(resolve))
    }
  })
})
