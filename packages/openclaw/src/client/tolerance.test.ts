import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocketServer } from 'ws'
import { type FakeGateway, startFakeGateway } from '../fake/index.ts'
import { connectGateway } from './connect.ts'
import type { GatewayEvent } from './frame-channel.ts'
import { GatewayError } from './gateway-error.ts'

let fake: FakeGateway | undefined
afterEach(() => fake?.stop())

describe('what the client tolerates', () => {
  it('ignores frame types and fields it does not know', async () => {
    fake = await startFakeGateway()
    const events: GatewayEvent[] = []
    const connection = await connectGateway(fake.target(), {
      clientVersion: '1',
      onEvent: (e) => events.push(e),
    })
    fake.sendRaw(JSON.stringify({ type: 'stream-chunk', data: 'from a later version' }))
    fake.sendRaw(
      JSON.stringify({ type: 'event', event: 'presence', payload: { n: 1 }, seq: 9, traceId: 'x' }),
    )
    expect(await connection.request('health')).toMatchObject({ ok: true })
    expect(events.at(-1)).toEqual({ event: 'presence', payload: { n: 1 }, seq: 9 })
    await connection.close()
  })

  it('drops a connection that sends a non-JSON frame after hello, with a protocol error', async () => {
    fake = await startFakeGateway()
    const connection = await connectGateway(fake.target(), { clientVersion: '1' })
    fake.sendRaw('<html>oops</html>')
    const closed = await connection.closed
    expect(closed.error).toBeInstanceOf(GatewayError)
    expect(closed.error).toMatchObject({
      kind: 'protocol',
      message: 'not an OpenClaw gateway (sent a non-JSON frame)',
    })
  })

  it('calls a WebSocket server whose first frame is not connect.challenge not a gateway', async () => {
    const server = new WebSocketServer({ host: '127.0.0.1', port: 0 })
    server.on('connection', (socket) => socket.send(JSON.stringify({ type: 'event', event: 'welcome' })))
    await new Promise((resolve) => server.once('listening', resolve))
    const { port } = server.address() as AddressInfo
    try {
      const error = await connectGateway(
        { host: '127.0.0.1', port, token: 't' },
        { clientVersion: '1' },
      ).catch((reason: unknown) => reason)
      expect(error).toMatchObject({
        kind: 'not-gateway',
        message: 'not an OpenClaw gateway (sent another frame before connect.challenge)',
      })
    } finally {
      await new Promise((resolve) => server.close(resolve))
    }
  })
})
