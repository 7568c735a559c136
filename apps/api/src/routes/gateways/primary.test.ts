import { primaryGatewayResponseSchema } from '@mc/shared'
import { beforeAll, describe, expect, it } from 'vitest'
import { type Call, callerWithRole } from '../../testing/alert-factories.ts'
import { useTestApp } from '../../testing/test-app.ts'

const t = useTestApp()
let admin: Call
let viewer: Call

beforeAll(async () => {
  ;[admin, viewer] = await Promise.all([callerWithRole(t, 'admin'), callerWithRole(t, 'viewer')])
})

const primary = () => viewer('GET', '/api/gateways/primary')

describe('GET /api/gateways/primary', () => {
  it('answers 404 with what to do while no gateway is primary (not mistaken for a gateway id)', async () => {
    await admin('POST', '/api/gateways', { name: 'Not primary', host: '10.0.0.4' })
    const { status, body } = await primary()
    expect(status).toBe(404)
    expect(body).toEqual({
      error: 'no gateway is primary: make one primary with PUT /api/gateways { "id": …, "is_primary": true }',
    })
  })

  it('shows the primary and its WebSocket URL, never its token', async () => {
    const created = await admin('POST', '/api/gateways', {
      name: 'Main',
      host: '10.0.0.5',
      port: 18790,
      token: 'primary-secret-token',
      is_primary: true,
    })
    const id = (created.body as { gateway: { id: number } }).gateway.id
    const { status, body, text } = await primary()
    expect(status).toBe(200)
    const answer = primaryGatewayResponseSchema.parse(body)
    expect(answer.gateway).toMatchObject({ id, name: 'Main', is_primary: 1, token_set: true })
    expect(answer.ws_url).toBe('ws://10.0.0.5:18790')
    expect(text).not.toContain('primary-secret-token')
    expect(text).not.toContain('v1:')

    const urls: [string, string][] = [
      ['wss://gw.example.com/ws', 'wss://gw.example.com:18790/ws'],
      ['ws://gw-2', 'ws://gw-2:18790'],
      ['fd00::20', 'ws://[fd00::20]:18790'],
    ]
    for (const [host, url] of urls) {
      expect((await admin('PUT', '/api/gateways', { id, host })).status, host).toBe(200)
      expect(primaryGatewayResponseSchema.parse((await primary()).body).ws_url, host).toBe(url)
    }
  })
})
