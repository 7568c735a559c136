import { insertAuthFailures, makeGateway } from '@mc/db/testing'
import { authFailuresResponseSchema } from '@mc/shared'
import { beforeAll, describe, expect, it } from 'vitest'
import { type Call, callerWithRole } from '../../testing/alert-factories.ts'
import { useTestApp } from '../../testing/test-app.ts'

const t = useTestApp()
let viewer: Call
let seq = 0
const gateway = () => makeGateway(t.deps.db, `auth-gw-${++seq}`)
// On a minute boundary, as failures are kept per minute.
const NOW_S = Math.floor(Date.now() / 60_000) * 60
const hoursAgo = (hours: number) => new Date((NOW_S - hours * 3600) * 1000)

beforeAll(async () => {
  viewer = await callerWithRole(t, 'viewer')
})

async function report(path: string) {
  const res = await viewer('GET', path)
  expect(res.status, res.text).toBe(200)
  return authFailuresResponseSchema.parse(res.body)
}

describe('GET /api/gateways/:id/auth-failures', () => {
  it('reports the last 24 hours by default, per address with its latest reason', async () => {
    const [gw, other] = [await gateway(), await gateway()]
    await insertAuthFailures(t.deps.db, gw.id, [
      { address: '192.0.2.7', reason: 'token_missing', count: 4, lastAt: hoursAgo(20) },
      { address: '192.0.2.7', reason: 'token_mismatch', count: 5, lastAt: hoursAgo(2) },
      { address: '198.51.100.1', reason: 'token_mismatch', count: 1, lastAt: hoursAgo(1) },
      { address: '203.0.113.9', reason: 'token_mismatch', count: 50, lastAt: hoursAgo(30) },
    ])
    await insertAuthFailures(t.deps.db, other.id, [
      { address: '192.0.2.7', reason: 'token_mismatch', count: 8, lastAt: hoursAgo(1) },
    ])
    expect(await report(`/api/gateways/${gw.id}/auth-failures`)).toEqual({
      total: 10,
      by_address: [
        { address: '192.0.2.7', count: 9, reason: 'token_mismatch', last_at: NOW_S - 2 * 3600 },
        { address: '198.51.100.1', count: 1, reason: 'token_mismatch', last_at: NOW_S - 3600 },
      ],
    })
    const since = NOW_S - 48 * 3600
    expect((await report(`/api/gateways/${gw.id}/auth-failures?since=${since}`)).total).toBe(60)
    expect((await report(`/api/gateways/${gw.id}/auth-failures?since=${2 ** 40}`)).total).toBe(0)
    expect(await report(`/api/gateways/${gw.id}/auth-failures?since=${NOW_S}`)).toEqual({
      total: 0,
      by_address: [],
    })
  })

  it('answers 404 for an unknown gateway, 400 for bad input and 401 without a caller', async () => {
    const gw = await gateway()
    const unknown = await viewer('GET', '/api/gateways/987654/auth-failures')
    expect(unknown.status).toBe(404)
    expect(unknown.body).toEqual({ error: 'no gateway with id 987654' })
    expect((await viewer('GET', `/api/gateways/${gw.id}/auth-failures?since=yesterday`)).status).toBe(400)
    expect((await viewer('GET', `/api/gateways/${gw.id}/auth-failures?until=1`)).status).toBe(400)
    expect((await t.app.request(`/api/gateways/${gw.id}/auth-failures`)).status).toBe(401)
  })
})
