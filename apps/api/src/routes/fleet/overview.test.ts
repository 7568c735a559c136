import { recordProbe } from '@mc/db'
import {
  failedReading as failed,
  insertAuthFailures,
  makeGateway,
  onlineReading,
  openConnection,
} from '@mc/db/testing'
import { fleetOverviewResponseSchema } from '@mc/shared'
import { beforeAll, describe, expect, it } from 'vitest'
import { makeApiKey } from '../../testing/factories.ts'
import { useTestApp } from '../../testing/test-app.ts'

const t = useTestApp()
let viewer: Record<string, string>

const online = (latencyMs: number, sessionsCount: number, agentsCount: number) =>
  onlineReading({ latencyMs, sessionsCount, agentsCount })
const get = async (url: string) => {
  const res = await t.app.request(url, { headers: viewer })
  return { status: res.status, body: (await res.json()) as unknown }
}

beforeAll(async () => {
  viewer = { 'x-api-key': (await makeApiKey(t.deps.db, 'viewer')).key }
})

describe('GET /api/fleet/overview', () => {
  it('answers zeros and empty lists before any gateway exists', async () => {
    const { status, body } = await get('/api/fleet/overview')
    expect(status).toBe(200)
    expect(fleetOverviewResponseSchema.parse(body)).toMatchObject({
      status_counts: { online: 0, offline: 0, timeout: 0, error: 0, unknown: 0 },
      totals: { gateways: 0, sessions: 0, agents: 0 },
      worst_latency: [],
      uptime_24h: [],
      connected_agents: 0,
      auth_failures_24h: 0,
      recent_flips: [],
    })
  })

  it('sums up a seeded fleet', async () => {
    const gw = (name: string) => makeGateway(t.deps.db, name)
    const [alpha, bravo, charlie, delta, echo, foxtrot, golf] = [
      await gw('alpha'),
      await gw('bravo'),
      await gw('charlie'),
      await gw('delta'),
      await gw('echo'),
      await gw('foxtrot'),
      await gw('golf'),
    ]
    const latencies: [typeof alpha, number][] = [
      [alpha, 40],
      [bravo, 900],
      [charlie, 120],
      [delta, 75],
      [echo, 300],
      [foxtrot, 60],
    ]
    for (const [row, latency] of latencies) await recordProbe(t.deps.db, row.id, online(latency, 2, 1), 1)
    // foxtrot goes down (one flip), then times out (another); golf is never probed.
    await recordProbe(t.deps.db, foxtrot.id, failed('offline', 'connection refused'), 1)
    await recordProbe(t.deps.db, foxtrot.id, failed('timeout', 'no answer'), 1)
    for (const name of ['cli-1', 'cli-2']) await openConnection(t.deps.db, name)
    const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000)
    await insertAuthFailures(t.deps.db, alpha.id, [
      { address: '10.0.0.1', reason: 'token_mismatch', count: 3, lastAt: hoursAgo(1) },
      { address: '10.0.0.1', reason: 'token_mismatch', count: 10, lastAt: hoursAgo(25) },
    ])
    await insertAuthFailures(t.deps.db, bravo.id, [
      { address: '10.0.0.2', reason: 'token_missing', count: 2, lastAt: hoursAgo(23) },
    ])

    const { status, body } = await get('/api/fleet/overview')
    expect(status).toBe(200)
    const overview = fleetOverviewResponseSchema.parse(body)
    expect(overview.status_counts).toEqual({ online: 5, offline: 0, timeout: 1, error: 0, unknown: 1 })
    expect(overview.totals).toEqual({ gateways: 7, sessions: 12, agents: 6 })
    expect(overview.worst_latency).toEqual([
      { id: bravo.id, name: 'bravo', latency: 900 },
      { id: echo.id, name: 'echo', latency: 300 },
      { id: charlie.id, name: 'charlie', latency: 120 },
      { id: delta.id, name: 'delta', latency: 75 },
      { id: alpha.id, name: 'alpha', latency: 40 },
    ])
    expect(overview.connected_agents).toBe(2)
    // The failure 25 hours ago is out.
    expect(overview.auth_failures_24h).toBe(5)
    expect(overview.uptime_24h[0]).toEqual({ gateway_id: foxtrot.id, name: 'foxtrot', uptime_pct: 33.33 })
    expect(overview.uptime_24h.at(-1)).toEqual({ gateway_id: golf.id, name: 'golf', uptime_pct: null })
    expect(overview.uptime_24h).toHaveLength(7)
    expect(overview.recent_flips).toHaveLength(8)
    expect(overview.recent_flips[0]).toMatchObject({
      gateway_id: foxtrot.id,
      gateway_name: 'foxtrot',
      old_status: 'offline',
      new_status: 'timeout',
      latency: 60,
      error: 'no answer',
    })
    expect(overview.recent_flips[0]?.changed_at).toBeGreaterThan(1_700_000_000)
    // The gateway's page computes the same uptime.
    const detail = await get(`/api/gateways/${foxtrot.id}`)
    expect(detail.body).toMatchObject({ uptime: { '24h': 33.33 } })
  })
})
