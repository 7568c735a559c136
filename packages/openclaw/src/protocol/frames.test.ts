import { describe, expect, it } from 'vitest'
import { parseFrame } from './frames.ts'
import { helloOkSchema } from './hello.ts'

describe('parseFrame', () => {
  it('keeps fields it does not know', () => {
    const parsed = parseFrame(
      JSON.stringify({ type: 'event', event: 'tick', payload: { ts: 1 }, seq: 3, extra: 'x' }),
    )
    expect(parsed).toEqual({
      kind: 'frame',
      frame: { type: 'event', event: 'tick', payload: { ts: 1 }, seq: 3, extra: 'x' },
    })
  })

  it('tells frame types it does not know from broken frames', () => {
    expect(parseFrame('{"type":"ping"}')).toEqual({ kind: 'unknown-type' })
    expect(parseFrame('{"type":"res"}')).toEqual({ kind: 'not-frame' })
    expect(parseFrame('[1,2]')).toEqual({ kind: 'not-frame' })
    expect(parseFrame('<html>')).toEqual({ kind: 'not-json' })
  })

  it('does not fail a response on an odd retryAfterMs', () => {
    const parsed = parseFrame(
      JSON.stringify({
        type: 'res',
        id: '1',
        ok: false,
        error: { code: 'X', message: 'm', retryAfterMs: 'soon' },
      }),
    )
    expect(parsed.kind === 'frame' && parsed.frame.type === 'res' && parsed.frame.error?.code).toBe('X')
  })
})

describe('helloOkSchema', () => {
  it('reads a real hello-ok and tolerates additive fields', () => {
    const hello = helloOkSchema.parse({
      type: 'hello-ok',
      protocol: 4,
      server: {
        version: '2026.9.6',
        buildId: 'b',
        bootId: 'x',
        controlUiBuildSource: 'bundled',
        connId: 'c',
      },
      features: { methods: ['health'], events: ['tick'], capabilities: ['future'] },
      snapshot: { presence: [], health: {}, uptimeMs: 5, suspension: { phase: 'accepting' } },
      pluginSurfaceUrls: { canvas: 'http://127.0.0.1/x' },
      auth: { method: 'token', role: 'operator', scopes: ['operator.read'], recoveryScope: 'r' },
      policy: { maxPayload: 1, maxBufferedBytes: 2, tickIntervalMs: 30000, attachments: {} },
    })
    expect(hello.server.version).toBe('2026.9.6')
    expect(hello.policy.tickIntervalMs).toBe(30000)
  })

  it('needs only type, protocol and server.version', () => {
    const hello = helloOkSchema.parse({ type: 'hello-ok', protocol: 4, server: { version: '1' } })
    expect(hello.features).toEqual({ methods: [], events: [] })
    expect(hello.policy).toEqual({})
  })
})
