import { insertGatewayEvents, makeGateway } from '@mc/db/testing'
import { gatewayEventsResponseSchema } from '@mc/shared'
import { beforeAll, describe, expect, it } from 'vitest'
import { type Call, callerWithRole } from '../../testing/alert-factories.ts'
import { useTestApp } from '../../testing/test-app.ts'

const t = useTestApp()
let viewer: Call
let seq = 0
const gateway = () => makeGateway(t.deps.db, `events-gw-${++seq}`)
const NOW_S = Math.floor(Date.now() / 1000)
const secondsAgo = (seconds: number) => new Date((NOW_S - seconds) * 1000)

beforeAll(async () => {
  viewer = await callerWithRole(t, 'viewer')
})

async function events(gatewayId: number, query = '') {
  const res = await viewer('GET', `/api/gateways/${gatewayId}/events?${query}`)
  expect(res.status, res.text).toBe(200)
  return gatewayEventsResponseSchema.parse(res.body)
}

describe('GET /api/gateways/:id/events', () => {
  it('pages the gateway’s events newest first, with the types it sent', async () => {
    const [gw, other] = [await gateway(), await gateway()]
    const ids = await insertGatewayEvents(t.deps.db, gw.id, [
      { type: 'health', at: secondsAgo(300) },
      { type: 'agent:item', at: secondsAgo(200), sessionKey: 'a', summary: 'exec started' },
      { type: 'chat', at: secondsAgo(100), sessionKey: 'b' },
    ])
    await insertGatewayEvents(t.deps.db, other.id, [{ type: 'presence', at: secondsAgo(10) }])
    const first = await events(gw.id, 'limit=2')
    expect(first.events.map((event) => event.id)).toEqual([ids[2], ids[1]])
    expect(first.events[1]).toEqual({
      id: ids[1],
      gateway_id: gw.id,
      at: NOW_S - 200,
      type: 'agent:item',
      session_key: 'a',
      agent: 'main',
      run_id: null,
      summary: 'exec started',
      count: 1,
      sampled: false,
    })
    expect(first.types).toEqual(['agent:item', 'chat', 'health'])
    expect(first.next_before).toBe(ids[1])
    const second = await events(gw.id, `limit=2&before=${first.next_before}`)
    expect(second.events.map((event) => event.id)).toEqual([ids[0]])
    expect(second.next_before).toBeNull()
  })

  it('filters by type, session and time', async () => {
    const gw = await gateway()
    const [, itemA, chatA] = await insertGatewayEvents(t.deps.db, gw.id, [
      { type: 'agent:item', at: secondsAgo(900), sessionKey: 'b' },
      { type: 'agent:item', at: secondsAgo(600), sessionKey: 'a' },
      { type: 'chat', at: secondsAgo(60), sessionKey: 'a' },
    ])
    const ids = async (query: string) => (await events(gw.id, query)).events.map((event) => event.id)
    expect(await ids('type=agent:item&session=a')).toEqual([itemA])
    expect(await ids('session=a')).toEqual([chatA, itemA])
    expect(await ids(`since=${NOW_S - 700}`)).toEqual([chatA, itemA])
    expect(await ids(`since=${2 ** 40}`)).toEqual([])
  })

  it('answers 404 for an unknown gateway, 400 for bad input and 401 without a caller', async () => {
    const gw = await gateway()
    const unknown = await viewer('GET', '/api/gateways/987654/events')
    expect(unknown.status).toBe(404)
    expect(unknown.body).toEqual({ error: 'no gateway with id 987654' })
    for (const query of ['limit=0', 'limit=501', 'before=x', 'since=soon', 'colour=red']) {
      expect((await viewer('GET', `/api/gateways/${gw.id}/events?${query}`)).status, query).toBe(400)
    }
    expect((await viewer('GET', '/api/gateways/nope/events')).status).toBe(400)
    expect((await t.app.request(`/api/gateways/${gw.id}/events`)).status).toBe(401)
  })
})
