import { createGateway, recordProbes, schema } from '@mc/db'
import { onlineReading } from '@mc/db/testing'
import { useTestDatabase } from '@mc/testing'
import type { Job } from 'bullmq'
import { asc, sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { probeSnapshot } from './probe-snapshot.ts'

const database = useTestDatabase()
const DUE = Date.parse('2026-11-30T12:00:00Z')
/** The job of the iteration due `minutes` after DUE, as BullMQ names a job scheduler's jobs. */
const iteration = (minutes: number) =>
  ({ id: `repeat:probe-snapshot:schedule:${DUE + minutes * 60_000}`, data: {} }) as Job

const snapshotRows = () =>
  database.db
    .select()
    .from(schema.gatewayProbeTotalSnapshots)
    .orderBy(
      asc(schema.gatewayProbeTotalSnapshots.scheduledAt),
      asc(schema.gatewayProbeTotalSnapshots.gatewayId),
    )

describe('probe-snapshot job', () => {
  it('snapshots every gateway’s totals once per iteration, run twice or on two workers at once', async () => {
    const { db } = database
    const job = probeSnapshot({ db })
    const ids = []
    for (const name of ['a', 'b'])
      ids.push((await createGateway(db, { name, host: 'h', port: 1, token: null, isPrimary: false })).id)
    const [a, b] = ids as [number, number]
    await recordProbes(
      db,
      [
        { gatewayId: a, reading: onlineReading() },
        { gatewayId: b, reading: onlineReading({ status: 'offline' }) },
      ],
      1,
    )

    expect(await job.process(iteration(0))).toEqual({ gateways: 2, pruned: 0 })
    await recordProbes(db, [{ gatewayId: a, reading: onlineReading() }], 1)
    // A retry of the same iteration after more probes: the snapshot stays as first taken.
    expect(await job.process(iteration(0))).toEqual({ gateways: null, pruned: 0 })
    // The next iteration, taken by two workers at the same moment.
    const twice = await Promise.all([job.process(iteration(5)), job.process(iteration(5))])
    expect(twice).toEqual(
      expect.arrayContaining([
        { gateways: 2, pruned: 0 },
        { gateways: null, pruned: 0 },
      ]),
    )

    expect(await db.select().from(schema.probeTotalSnapshots)).toHaveLength(2)
    const at = (minutes: number) => new Date(DUE + minutes * 60_000)
    expect(await snapshotRows()).toEqual([
      { scheduledAt: at(0), gatewayId: a, probes: 1, online: 1 },
      { scheduledAt: at(0), gatewayId: b, probes: 1, online: 0 },
      { scheduledAt: at(5), gatewayId: a, probes: 2, online: 2 },
      { scheduledAt: at(5), gatewayId: b, probes: 1, online: 0 },
    ])
  })

  it('prunes snapshots too old to start a 24 h window, with their rows', async () => {
    const { db } = database
    await db.delete(schema.probeTotalSnapshots)
    const old = new Date(DUE - 26 * 3600_000)
    await db.insert(schema.probeTotalSnapshots).values([
      { scheduledAt: old, takenAt: sql`now() - interval '26 hours'` },
      { scheduledAt: new Date(DUE - 3600_000), takenAt: sql`now() - interval '24 hours 5 minutes'` },
    ])
    await db
      .insert(schema.gatewayProbeTotalSnapshots)
      .values({ scheduledAt: old, gatewayId: 1, probes: 1, online: 1 })
    const result = await probeSnapshot({ db }).process(iteration(10))
    expect(result).toMatchObject({ pruned: 1 })
    const kept = await db
      .select({ at: schema.probeTotalSnapshots.scheduledAt })
      .from(schema.probeTotalSnapshots)
    expect(kept.map((row) => row.at.getTime()).sort()).toEqual([DUE - 3600_000, DUE + 10 * 60_000])
    expect((await snapshotRows()).filter((row) => row.scheduledAt.getTime() === old.getTime())).toEqual([])
  })

  it('runs every 5 minutes', () => {
    expect(probeSnapshot({ db: database.db }).every?.ms).toBe(5 * 60_000)
  })
})
