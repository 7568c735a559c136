import { eq, sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { failedReading, makeGateway, onlineReading } from '../../test/fixtures.ts'
import { useMigratedDatabase } from '../../test/migrated-database.ts'
import { gatewayProbeTotals } from '../schema/gateway-probe-totals.ts'
import { gatewayProbes } from '../schema/gateway-probes.ts'
import { gateways } from '../schema/gateways.ts'
import { gatewayProbeTotalSnapshots, probeTotalSnapshots } from '../schema/probe-total-snapshots.ts'
import { recordProbes } from './gateway-probes.ts'
import { uptime24hByGateway, uptime24hFromProbes } from './gateway-uptime.ts'
import { pruneProbeHistory } from './probe-rollups.ts'
import { snapshotProbeTotals } from './probe-totals.ts'

const t = useMigratedDatabase()
let seq = 0
const gateway = () => makeGateway(t.db, `gw-${++seq}`)

type ProbeStatus = 'online' | 'offline' | 'timeout' | 'error'
/** Probes inserted directly (as fixtures and seeders do), `ageS` seconds before now. */
const insertProbes = (rows: { gatewayId: number; status: ProbeStatus; ageS: number }[]) =>
  t.db.insert(gatewayProbes).values(
    rows.map(({ gatewayId, status, ageS }) => ({
      gatewayId,
      status,
      probedAt: sql`now() - make_interval(secs => ${ageS})`,
    })),
  )
const times = (n: number, row: { gatewayId: number; status: ProbeStatus; ageS: number }) =>
  Array.from({ length: n }, () => row)

async function totalsOf(gatewayId: number) {
  const [row] = await t.db
    .select()
    .from(gatewayProbeTotals)
    .where(eq(gatewayProbeTotals.gatewayId, gatewayId))
  return row ? { probes: row.probes, online: row.online } : undefined
}

/** A snapshot taken `ageS` seconds before now, with the given totals per gateway. */
async function insertSnapshot(ageS: number, totals: { gatewayId: number; probes: number; online: number }[]) {
  const scheduledAt = new Date(Date.now() - ageS * 1000)
  await t.db
    .insert(probeTotalSnapshots)
    .values({ scheduledAt, takenAt: sql`now() - make_interval(secs => ${ageS})` })
  if (totals.length > 0)
    await t.db.insert(gatewayProbeTotalSnapshots).values(totals.map((row) => ({ scheduledAt, ...row })))
}
const clearSnapshots = () => t.db.delete(probeTotalSnapshots)
const uptimeOf = async (gatewayId: number) =>
  (await uptime24hByGateway(t.db)).find((row) => row.gatewayId === gatewayId)?.uptime24h

const DAY_S = 24 * 3600

describe('probe totals', () => {
  it('counts every probe recorded, by the worker’s batches and by direct inserts alike', async () => {
    const [a, b] = [await gateway(), await gateway()]
    expect(await totalsOf(a.id)).toBeUndefined()
    await recordProbes(
      t.db,
      [
        { gatewayId: a.id, reading: onlineReading() },
        { gatewayId: b.id, reading: failedReading('timeout', 'no answer') },
      ],
      1,
    )
    expect(await totalsOf(a.id)).toEqual({ probes: 1, online: 1 })
    expect(await totalsOf(b.id)).toEqual({ probes: 1, online: 0 })
    // Several probes of one gateway in one statement, old ones too: counted when inserted.
    await insertProbes([
      ...times(3, { gatewayId: a.id, status: 'online', ageS: 60 }),
      { gatewayId: a.id, status: 'error', ageS: 40 * DAY_S },
      { gatewayId: b.id, status: 'online', ageS: 10 },
    ])
    expect(await totalsOf(a.id)).toEqual({ probes: 5, online: 4 })
    expect(await totalsOf(b.id)).toEqual({ probes: 2, online: 1 })
  })

  it('only go up: pruning raw probes leaves them, deleting the gateway removes them', async () => {
    const gw = await gateway()
    await insertProbes([
      { gatewayId: gw.id, status: 'online', ageS: 40 * DAY_S },
      { gatewayId: gw.id, status: 'offline', ageS: 60 },
    ])
    expect((await pruneProbeHistory(t.db, 30, 365)).raw).toBeGreaterThanOrEqual(1)
    expect(await totalsOf(gw.id)).toEqual({ probes: 2, online: 1 })
    await t.db.delete(gateways).where(eq(gateways.id, gw.id))
    expect(await totalsOf(gw.id)).toBeUndefined()
  })
})

describe('fleet 24 h uptime from the totals', () => {
  it('starts from the latest snapshot at least 24 h old, and from zero for gateways not in it', async () => {
    await clearSnapshots()
    const [old, added, never] = [await gateway(), await gateway(), await gateway()]
    // Probed two days ago: the exact window has none of these (its uptime would be null).
    await insertProbes([
      ...times(8, { gatewayId: old.id, status: 'online', ageS: 2 * DAY_S }),
      ...times(2, { gatewayId: old.id, status: 'timeout', ageS: 2 * DAY_S }),
      { gatewayId: added.id, status: 'online', ageS: 2 * DAY_S },
      ...times(3, { gatewayId: added.id, status: 'error', ageS: 2 * DAY_S }),
    ])
    expect(await uptimeOf(old.id)).toBeNull()

    // Totals now: old 10 probes, 8 online; added 4, 1 online.
    await insertSnapshot(DAY_S + 600, [{ gatewayId: old.id, probes: 2, online: 2 }]) // older: (8-2)/(10-2) = 75 %
    await insertSnapshot(DAY_S + 120, [{ gatewayId: old.id, probes: 4, online: 2 }]) // the one: (8-2)/(10-4) = 100 %
    await insertSnapshot(DAY_S - 120, [{ gatewayId: old.id, probes: 6, online: 6 }]) // too recent: (8-6)/(10-6) = 50 %
    expect(await uptimeOf(old.id)).toBe(100)
    expect(await uptimeOf(added.id)).toBe(25)
    expect(await uptimeOf(never.id)).toBeNull()
    const ranked = (await uptime24hByGateway(t.db)).filter((row) =>
      [old.id, added.id, never.id].includes(row.gatewayId),
    )
    expect(ranked.map((row) => row.gatewayId)).toEqual([added.id, old.id, never.id])
  })

  it('falls back to the exact window without a snapshot a day old, or with only a stale one', async () => {
    await clearSnapshots()
    const gw = await gateway()
    await insertProbes([
      ...times(3, { gatewayId: gw.id, status: 'online', ageS: 3600 }),
      { gatewayId: gw.id, status: 'offline', ageS: 3600 },
      ...times(4, { gatewayId: gw.id, status: 'offline', ageS: 2 * DAY_S }),
    ])
    // Snapshots that would give other figures if they were used: too recent, and a day and 20 min old.
    await insertSnapshot(3600 * 12, [{ gatewayId: gw.id, probes: 1, online: 0 }])
    expect(await uptimeOf(gw.id)).toBe(75)
    await insertSnapshot(DAY_S + 1200, [{ gatewayId: gw.id, probes: 0, online: 0 }])
    expect(await uptimeOf(gw.id)).toBe(75)
    expect(await uptime24hByGateway(t.db)).toEqual(await uptime24hFromProbes(t.db))
  })

  it('gives the exact window’s figures when the snapshot holds the totals of a day ago', async () => {
    await clearSnapshots()
    await t.db.delete(gateways)
    const fleet = [await gateway(), await gateway(), await gateway()]
    const statuses: ProbeStatus[] = ['online', 'online', 'offline', 'online', 'timeout', 'online', 'error']
    const history = (fromS: number, toS: number, offset: number) =>
      fleet.flatMap((gw, g) =>
        Array.from({ length: 40 }, (_, i) => ({
          gatewayId: gw.id,
          status: statuses[(i * (g + 2) + offset) % statuses.length] as ProbeStatus,
          ageS: fromS + ((toS - fromS) * i) / 40,
        })),
      )
    // A day of probes before the snapshot, snapshot as the job takes it, then moved a day and a minute back.
    await insertProbes(history(3 * DAY_S, DAY_S + 120, 0))
    expect(await snapshotProbeTotals(t.db, new Date(Date.now() - DAY_S * 1000))).toBe(fleet.length)
    await t.db.update(probeTotalSnapshots).set({ takenAt: sql`now() - make_interval(secs => ${DAY_S + 60})` })
    // The day since, and a gateway added meanwhile.
    const added = await gateway()
    fleet.push(added)
    await insertProbes(history(DAY_S - 120, 60, 3))
    const exact = await uptime24hFromProbes(t.db)
    expect(exact.filter((row) => row.uptime24h !== null)).toHaveLength(fleet.length)
    expect(await uptime24hByGateway(t.db)).toEqual(exact)
  })
})
