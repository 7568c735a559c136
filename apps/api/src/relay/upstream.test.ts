import { startFakeGateway } from '@mc/openclaw/fake'
import { createLogger } from '@mc/runtime'
import type { LiveStateMessage } from '@mc/shared'
import { afterEach, describe, expect, it } from 'vitest'
import { GatewayUpstream, type UpstreamTarget } from './upstream.ts'

const stops: (() => Promise<void>)[] = []
afterEach(async () => {
  await Promise.all(stops.splice(0).map((stop) => stop()))
})

describe('GatewayUpstream', () => {
  it('tries again at once when its gateway is edited while it waits to reconnect', async () => {
    const gateway = await startFakeGateway({ token: 'the-right-token' })
    stops.push(() => gateway.stop())
    const target: UpstreamTarget = {
      name: 'gw',
      host: '127.0.0.1',
      port: gateway.port,
      token: 'a-wrong-token',
      tlsInsecure: false,
    }
    const states: LiveStateMessage[] = []
    let changed = () => {}
    const upstream = new GatewayUpstream({
      gatewayId: 1,
      name: 'gw',
      url: gateway.url,
      lookup: async () => ({ target: { ...target }, problem: null }),
      pingIntervalMs: 60_000,
      timeoutMs: 2000,
      // Without the edit, the next attempt would be a minute away.
      backoff: { baseMs: 60_000, maxMs: 60_000 },
      logger: createLogger({ service: 'test', level: 'silent' }),
      onState: (message) => {
        states.push(message)
        changed()
      },
      onEvent: () => {},
      onGone: () => {},
    })
    stops.push(() => upstream.close())
    const waitFor = (test: (message: LiveStateMessage) => boolean) =>
      new Promise<LiveStateMessage>((resolve) => {
        changed = () => {
          const found = states.find(test)
          if (found) resolve(found)
        }
        changed()
      })

    upstream.start()
    const refused = await waitFor((m) => /token mismatch/.test(m.state.error ?? ''))
    expect(refused.reconnect_in_ms).toBeGreaterThan(30_000)
    // The rotated token is stored and the change announced: same address, nothing else moved.
    target.token = 'the-right-token'
    upstream.update({ name: 'gw', host: '127.0.0.1', port: gateway.port, tlsInsecure: false })
    expect((await waitFor((m) => m.state.isConnected)).state.error).toBeNull()
  })
})
