import { sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { failedReading, makeGateway, onlineReading, openConnection } from '../../test/fixtures.ts'
import { useMigratedDatabase } from '../../test/migrated-database.ts'
import { gatewayProbes } from '../schema/gateway-probes.ts'
import { disconnectConnection } from './direct-connections.ts'
import { fleetOverview } from './fleet.ts'
import { recordProbe } from './gateway-probes.ts'
import { gatewayUptime, uptime24hByGateway } from './gateway-uptime.ts'

const t = useMigratedDatabase()
const OPTIONS = { worstLatency: 2, recentFlips: 20 }

const gateway = (name: string) => makeGateway(t.db, name)
const online = (latencyMs: number, sessionsCount: number, agentsCount: number) =>
  onlineReading({ latencyMs, sessionsCount, agentsCount })
const refused = failedReading('offline', 'connection refused')
const connect = (agentName: string, toolName: string) => openConnection(t.db, agentName, toolName)

describe('fleetOverview', () => {
  it('is all zeros and empty lists for an empty installation', async () => {
    expect(await fleetOverview(t.db, OPTIONS)).toEqual({
      statusCounts: { unknown: 0, online: 0, offline: 0, timeout: 0, error: 0 },
      totals: { gateways: 0, sessions: 0, agents: 0 },
      worstLatency: [],
      uptime24h: [],
      connectedAgents: 0,
      authFailures24h: 0,
      recentFlips: [],
    })
  })

  it('counts, sums, ranks latency, computes uptime per gateway and lists the latest flips', async () => {
    const fast = await gateway('fast')
    const slow = await gateway('slow')
    const slower = await gateway('slower')
    const down = await gateway('down')
    const fresh = await gateway('fresh')
    await recordProbe(t.db, fast.id, online(10, 1, 1), 1)
    await recordProbe(t.db, slow.id, online(200, 2, 1), 1)
    await recordProbe(t.db, slower.id, online(300, 3, 2), 1)
    await recordProbe(t.db, down.id, online(5, 4, 2), 1)
    await recordProbe(t.db, down.id, refused, 1)
    await recordProbe(t.db, down.id, refused, 1)
    await recordProbe(t.db, down.id, refused, 1)

    const a = await connect('agent-a', 'codex')
    await connect('agent-a', 'claude') // a second connection of the same agent counts once
    await connect('agent-b', 'codex')
    const c = await connect('agent-c', 'codex')
    await disconnectConnection(t.db, c.connection.connectionId, 'disconnected')
    expect(a.agent.id).toBeGreaterThan(0)

    const overview = await fleetOverview(t.db, OPTIONS)
    expect(overview.statusCounts).toEqual({ unknown: 1, online: 3, offline: 1, timeout: 0, error: 0 })
    // An offline gateway keeps its last counts.
    expect(overview.totals).toEqual({ gateways: 5, sessions: 10, agents: 6 })
    expect(overview.worstLatency).toEqual([
      { id: slower.id, name: 'slower', latency: 300 },
      { id: slow.id, name: 'slow', latency: 200 },
    ])
    expect(overview.connectedAgents).toBe(2)
    expect(overview.uptime24h).toEqual([
      { gatewayId: down.id, name: 'down', uptime24h: 25 },
      { gatewayId: fast.id, name: 'fast', uptime24h: 100 },
      { gatewayId: slow.id, name: 'slow', uptime24h: 100 },
      { gatewayId: slower.id, name: 'slower', uptime24h: 100 },
      { gatewayId: fresh.id, name: 'fresh', uptime24h: null },
    ])
    expect(overview.recentFlips.map((f) => [f.gatewayName, f.oldStatus, f.newStatus])).toEqual([
      ['down', 'online', 'offline'],
      ['down', 'unknown', 'online'],
      ['slower', 'unknown', 'online'],
      ['slow', 'unknown', 'online'],
      ['fast', 'unknown', 'online'],
    ])
    expect((await fleetOverview(t.db, { ...OPTIONS, recentFlips: 2 })).recentFlips).toHaveLength(2)
  })

  it('computes each gateway’s 24 h uptime as its detail page does, ignoring older probes', async () => {
    const gw = await gateway('windowed')
    const insert = (status: 'online' | 'timeout', ageHours: number) =>
      t.db.insert(gatewayProbes).values({
        gatewayId: gw.id,
        status,
        probedAt: sql`now() - make_interval(hours => ${ageHours})`,
      })
    for (const age of [1, 2]) await insert('online', age)
    await insert('timeout', 3)
    await insert('timeout', 30)
    const all = await uptime24hByGateway(t.db)
    const row = all.find((r) => r.gatewayId === gw.id)
    expect(row?.uptime24h).toBeCloseTo(66.67, 2)
    expect(row?.uptime24h).toBe((await gatewayUptime(t.db, gw.id)).uptime24h)
  })
})
