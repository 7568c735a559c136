import { eq, sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { failedReading, makeGateway, onlineReading } from '../../test/fixtures.ts'
import { useMigratedDatabase } from '../../test/migrated-database.ts'
import { gatewayStatusChanges } from '../schema/gateway-status-changes.ts'
import { recordProbe } from './gateway-probes.ts'
import { listStatusChanges, pruneStatusChanges } from './gateway-status-changes.ts'
import { deleteGateway, updateGateway } from './gateways.ts'

const t = useMigratedDatabase()
let seq = 0
const gateway = () => makeGateway(t.db, `flip-${++seq}`)

const online = (latencyMs = 20) => onlineReading({ latencyMs })
const timedOut = failedReading('timeout', 'no answer within 5000 ms')

const flipsOf = (gatewayId: number) =>
  t.db
    .select()
    .from(gatewayStatusChanges)
    .where(eq(gatewayStatusChanges.gatewayId, gatewayId))
    .orderBy(gatewayStatusChanges.id)

describe('status flips recorded with each probe', () => {
  it('records a row when a probe changes the status, with the state after it', async () => {
    const gw = await gateway()
    await recordProbe(t.db, gw.id, online(12), 1)
    await recordProbe(t.db, gw.id, timedOut, 1)
    const flips = await flipsOf(gw.id)
    expect(flips).toMatchObject([
      { oldStatus: 'unknown', newStatus: 'online', latency: 12, error: null },
      // Latency stays the last known one, as on the gateway; the error says why it went down.
      { oldStatus: 'online', newStatus: 'timeout', latency: 12, error: 'no answer within 5000 ms' },
    ])
    expect(flips[0]?.changedAt).toBeInstanceOf(Date)
  })

  it('records nothing while the status stays the same, nor for failures under the threshold', async () => {
    const gw = await gateway()
    await recordProbe(t.db, gw.id, online(10), 3)
    await recordProbe(t.db, gw.id, online(11), 3)
    await recordProbe(t.db, gw.id, timedOut, 3) // 1 of 3 failures: still online
    await recordProbe(t.db, gw.id, online(12), 3)
    expect((await flipsOf(gw.id)).map((f) => `${f.oldStatus}→${f.newStatus}`)).toEqual(['unknown→online'])
  })

  it('goes with its gateway', async () => {
    const gw = await gateway()
    await recordProbe(t.db, gw.id, online(), 1)
    await deleteGateway(t.db, gw.id)
    expect(await flipsOf(gw.id)).toEqual([])
  })
})

describe('listStatusChanges', () => {
  it('pages every gateway’s flips newest first, with the gateway’s current name', async () => {
    const [a, b] = [await gateway(), await gateway()]
    await recordProbe(t.db, a.id, online(), 1)
    await recordProbe(t.db, b.id, timedOut, 1)
    await recordProbe(t.db, a.id, timedOut, 1)
    await updateGateway(t.db, b.id, { name: 'renamed-b' })

    const first = await listStatusChanges(t.db, { limit: 2 })
    expect(first.rows.map((r) => [r.gatewayName, r.oldStatus, r.newStatus])).toEqual([
      [a.name, 'online', 'timeout'],
      ['renamed-b', 'unknown', 'timeout'],
    ])
    expect(first.nextBefore).toBe(first.rows[1]?.id)
    const next = await listStatusChanges(t.db, { limit: 2, before: first.nextBefore ?? undefined })
    expect(next.rows[0]).toMatchObject({ gatewayId: a.id, oldStatus: 'unknown', newStatus: 'online' })
    const all = await listStatusChanges(t.db, { limit: 1000 })
    expect(all.nextBefore).toBeNull()
    expect(all.rows.map((r) => r.id)).toEqual([...all.rows.map((r) => r.id)].sort((x, y) => y - x))
  })

  it('prunes flips older than the retention period', async () => {
    const gw = await gateway()
    await recordProbe(t.db, gw.id, online(), 1)
    await t.db.insert(gatewayStatusChanges).values({
      gatewayId: gw.id,
      oldStatus: 'online',
      newStatus: 'offline',
      changedAt: sql`now() - interval '40 days'`,
    })
    expect(await pruneStatusChanges(t.db, 30)).toBe(1)
    expect((await flipsOf(gw.id)).map((f) => f.newStatus)).toEqual(['online'])
  })
})
