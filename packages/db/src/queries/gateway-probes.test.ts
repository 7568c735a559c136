import { sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { failedReading, makeGateway, onlineReading } from '../../test/fixtures.ts'
import { useMigratedDatabase } from '../../test/migrated-database.ts'
import { gatewayProbeHourly } from '../schema/gateway-probe-hourly.ts'
import { gatewayProbes } from '../schema/gateway-probes.ts'
import {
  listGatewayIdsInProbeOrder,
  listProbes,
  recentProbes,
  recordProbe,
  recordProbes,
} from './gateway-probes.ts'
import { findGateway } from './gateways.ts'
import { pruneProbeHistory, rollUpProbeHours } from './probe-rollups.ts'

const t = useMigratedDatabase()
let seq = 0
const gateway = () => makeGateway(t.db, `gw-${++seq}`)

const online = (latencyMs = 20) => onlineReading({ latencyMs })
const refused = failedReading('offline', 'connection refused')

describe('recordProbe', () => {
  it('stores online results, and a failure keeps last_seen, latency and counts', async () => {
    const gw = await gateway()
    const first = await recordProbe(t.db, gw.id, online(12), 1)
    expect(first?.previousStatus).toBe('unknown')
    expect(first?.gateway).toMatchObject({
      status: 'online',
      latency: 12,
      version: '2026.9.6',
      sessionsCount: 3,
    })
    const seenAt = first?.gateway.lastSeen
    expect(seenAt).toBeInstanceOf(Date)

    const second = await recordProbe(t.db, gw.id, refused, 1)
    expect(second?.previousStatus).toBe('online')
    expect(second?.gateway).toMatchObject({
      status: 'offline',
      latency: 12,
      sessionsCount: 3,
      consecutiveFailures: 1,
      lastError: 'connection refused',
    })
    expect(second?.gateway.lastSeen).toEqual(seenAt)
    const history = await listProbes(t.db, { gatewayId: gw.id, limit: 10 })
    expect(history.rows.map((p) => p.status)).toEqual(['offline', 'online'])
  })

  it('returns the whole new row as findGateway reads it, stamped with the database time', async () => {
    const gw = await gateway()
    const recorded = await recordProbe(t.db, gw.id, online(15), 1)
    expect(recorded?.gateway).toEqual(await findGateway(t.db, gw.id))
    // Same statement, same transaction: the stored probe's probed_at is the gateway's probe time.
    const [probe] = (await listProbes(t.db, { gatewayId: gw.id, limit: 1 })).rows
    expect(recorded?.gateway.lastProbeAt).toEqual(probe?.probedAt)
    expect(recorded?.gateway.lastSeen).toEqual(probe?.probedAt)
    expect(recorded?.gateway.updatedAt).toEqual(gw.updatedAt)
  })

  it('needs FAILURE_THRESHOLD failures in a row before an online gateway turns failed', async () => {
    const gw = await gateway()
    await recordProbe(t.db, gw.id, online(), 3)
    const statuses: string[] = []
    for (let i = 0; i < 3; i++)
      statuses.push((await recordProbe(t.db, gw.id, refused, 3))?.gateway.status ?? '')
    expect(statuses).toEqual(['online', 'online', 'offline'])
    const back = await recordProbe(t.db, gw.id, online(), 3)
    expect(back?.gateway).toMatchObject({ status: 'online', consecutiveFailures: 0, lastError: null })
  })

  it('does nothing for a gateway deleted meanwhile', async () => {
    expect(await recordProbe(t.db, 987654, online(), 1)).toBeUndefined()
  })

  it('stores probes of several gateways in one call, answering in their order', async () => {
    const [a, b] = [await gateway(), await gateway()]
    const refusedB = { gatewayId: b.id, reading: refused }
    const probes = [
      refusedB,
      { gatewayId: 987654, reading: online() },
      { gatewayId: a.id, reading: online(7) },
    ]
    const recorded = await recordProbes(t.db, probes, 1)
    expect(recorded.map((r) => r?.gateway.id)).toEqual([b.id, undefined, a.id])
    expect(recorded[0]).toMatchObject({
      previousStatus: 'unknown',
      gateway: { status: 'offline', lastError: 'connection refused' },
    })
    expect(recorded[2]?.gateway).toMatchObject({ status: 'online', latency: 7, consecutiveFailures: 0 })
    const history = await listProbes(t.db, { gatewayId: a.id, limit: 10 })
    expect(history.rows.map((p) => p.latency)).toEqual([7])
    await expect(recordProbes(t.db, [refusedB, refusedB], 1)).rejects.toThrow(/at most once/)
  })
})

describe('listGatewayIdsInProbeOrder', () => {
  it('lists the gateways whose last probe failed first, online or not yet, then by id', async () => {
    const [a, b, c, d] = [await gateway(), await gateway(), await gateway(), await gateway()]
    await recordProbe(t.db, b.id, online(5), 1)
    // Still online: one timeout is below the failure threshold of 3.
    await recordProbe(t.db, b.id, failedReading('timeout', 'no answer'), 3)
    await recordProbe(t.db, d.id, failedReading('timeout', 'no answer'), 1)
    const ids = (await listGatewayIdsInProbeOrder(t.db)).filter((id) => [a.id, b.id, c.id, d.id].includes(id))
    expect(ids).toEqual([b.id, d.id, a.id, c.id])
  })
})

describe('probe history views', () => {
  it('returns the last N probes of each gateway, newest first', async () => {
    const [a, b] = [await gateway(), await gateway()]
    for (const latency of [1, 2, 3, 4]) await recordProbe(t.db, a.id, online(latency), 1)
    await recordProbe(t.db, b.id, refused, 1)
    const rows = await recentProbes(t.db, [a.id, b.id], 3)
    expect(rows.filter((r) => r.gatewayId === a.id).map((r) => r.latency)).toEqual([4, 3, 2])
    expect(typeof rows[0]?.id).toBe('number')
    expect(rows[0]?.probedAt).toBeInstanceOf(Date)
    expect(rows.filter((r) => r.gatewayId === b.id).map((r) => r.status)).toEqual(['offline'])
    expect(await recentProbes(t.db, [], 3)).toEqual([])
  })

  it('rolls complete hours up idempotently and prunes by age', async () => {
    const gw = await gateway()
    for (const latency of [10, 20, 30]) {
      await t.db.insert(gatewayProbes).values({
        gatewayId: gw.id,
        status: 'online',
        latency,
        probedAt: sql`date_trunc('hour', now()) - interval '90 minutes'`,
      })
    }
    await t.db.insert(gatewayProbes).values({
      gatewayId: gw.id,
      status: 'timeout',
      probedAt: sql`date_trunc('hour', now()) - interval '80 minutes'`,
    })
    await rollUpProbeHours(t.db, 3)
    await rollUpProbeHours(t.db, 3)
    const hourly = await t.db
      .select()
      .from(gatewayProbeHourly)
      .where(sql`${gatewayProbeHourly.gatewayId} = ${gw.id}`)
    expect(hourly).toHaveLength(1)
    expect(hourly[0]).toMatchObject({
      probes: 4,
      failures: 1,
      latencyMin: 10,
      latencyAvg: 20,
      latencyP95: 30,
      latencyValues: [10, 20, 30],
      latencyCounts: [1, 1, 1],
    })

    await t.db
      .insert(gatewayProbes)
      .values({ gatewayId: gw.id, status: 'online', probedAt: sql`now() - interval '40 days'` })
    const pruned = await pruneProbeHistory(t.db, 30, 365)
    expect(pruned.raw).toBeGreaterThanOrEqual(1)
    expect(await findGateway(t.db, gw.id)).toBeDefined()
    const left = await listProbes(t.db, { gatewayId: gw.id, limit: 100 })
    expect(left.rows.every((p) => p.probedAt.getTime() > Date.now() - 31 * 86400_000)).toBe(true)
  })
})
