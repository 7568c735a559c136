import { describe, expect, it } from 'vitest'
import { makeGateway } from '../../test/fixtures.ts'
import { useMigratedDatabase } from '../../test/migrated-database.ts'
import { gatewayProbeHourly } from '../schema/gateway-probe-hourly.ts'
import { gatewayProbes } from '../schema/gateway-probes.ts'
import { incidents } from '../schema/incidents.ts'
import { deleteGateway } from './gateways.ts'
import {
  createStatusPage,
  type DailyCounts,
  DuplicateStatusPageSlugError,
  deleteStatusPage,
  findStatusPageBySlug,
  listStatusPages,
  readStatusPage,
  type StatusPageValues,
  UnknownStatusPageGatewaysError,
  updateStatusPage,
} from './status-pages.ts'

const t = useMigratedDatabase()
const HOUR_MS = 3_600_000
const DAY_MS = 24 * HOUR_MS
const DAYS = 90
const options = { days: DAYS, incidentDays: 14, incidentLimit: 50 }

const page = (slug: string, gatewayIds: number[] = []): StatusPageValues => ({
  slug,
  title: slug,
  description: '',
  gatewayIds,
  public: true,
  showErrors: false,
})

/** Index of the UTC day of `at` among the page's days (the last one is today). */
const dayIndex = (at: number) => Math.floor(at / DAY_MS) - Math.floor(Date.now() / DAY_MS) + DAYS - 1

describe('status page CRUD', () => {
  it('creates, lists, updates and deletes pages; refuses a taken slug and unknown gateways', async () => {
    const gw = await makeGateway(t.db, 'crud-gw')
    const created = await createStatusPage(t.db, page('crud', [gw.id]))
    expect(created).toMatchObject({ slug: 'crud', gatewayIds: [gw.id], public: true, showErrors: false })
    await expect(createStatusPage(t.db, page('crud'))).rejects.toBeInstanceOf(DuplicateStatusPageSlugError)
    const unknown = await createStatusPage(t.db, page('other', [gw.id, 987_001, 987_002])).catch((e) => e)
    expect(unknown).toBeInstanceOf(UnknownStatusPageGatewaysError)
    expect(unknown.missing).toEqual([987_001, 987_002])

    const second = await createStatusPage(t.db, page('aaa-second'))
    expect((await listStatusPages(t.db)).map((p) => p.slug)).toEqual(['aaa-second', 'crud'])
    await expect(updateStatusPage(t.db, second.id, { slug: 'crud' })).rejects.toBeInstanceOf(
      DuplicateStatusPageSlugError,
    )
    await expect(updateStatusPage(t.db, second.id, { gatewayIds: [987_003] })).rejects.toBeInstanceOf(
      UnknownStatusPageGatewaysError,
    )
    const updated = await updateStatusPage(t.db, second.id, { title: 'Second', gatewayIds: [gw.id] })
    expect(updated?.before.title).toBe('aaa-second')
    expect(updated?.after).toMatchObject({ title: 'Second', gatewayIds: [gw.id] })
    expect(await updateStatusPage(t.db, 987_004, { title: 'x' })).toBeUndefined()

    expect((await deleteStatusPage(t.db, second.id))?.slug).toBe('aaa-second')
    expect(await deleteStatusPage(t.db, second.id)).toBeUndefined()
    expect(await findStatusPageBySlug(t.db, 'aaa-second')).toBeUndefined()
  })
})

describe('readStatusPage', () => {
  it('reads listed gateways in page order with daily uptime from rollups and fresh probes', async () => {
    const [a, b, gone] = [
      await makeGateway(t.db, 'read-a'),
      await makeGateway(t.db, 'read-b'),
      await makeGateway(t.db, 'read-gone'),
    ]
    const now = Date.now()
    const thisHour = Math.floor(now / HOUR_MS) * HOUR_MS
    const twoDaysAgo = thisHour - 2 * DAY_MS
    const tenDaysAgo = thisHour - 10 * DAY_MS
    const tooOld = thisHour - 100 * DAY_MS
    await t.db.insert(gatewayProbeHourly).values([
      { gatewayId: a.id, hour: new Date(twoDaysAgo), probes: 10, failures: 5 },
      { gatewayId: a.id, hour: new Date(tenDaysAgo), probes: 4, failures: 0 },
      { gatewayId: a.id, hour: new Date(tooOld), probes: 4, failures: 4 },
      // The latest rolled-up hour: raw probes before this hour's end are not read again.
      { gatewayId: b.id, hour: new Date(thisHour - HOUR_MS), probes: 2, failures: 2 },
    ])
    await t.db.insert(gatewayProbes).values([
      { gatewayId: a.id, status: 'online', probedAt: new Date(now) },
      { gatewayId: a.id, status: 'offline', probedAt: new Date(now) },
      { gatewayId: a.id, status: 'offline', probedAt: new Date(thisHour - HOUR_MS / 2) },
    ])
    await deleteGateway(t.db, gone.id)

    const read = await readStatusPage(t.db, [b.id, gone.id, a.id], options)
    expect(read.gateways.map((g) => g.name)).toEqual(['read-b', 'read-a'])
    const [readB, readA] = read.gateways
    expect(readA?.days).toHaveLength(DAYS)
    expect(readA?.days[dayIndex(twoDaysAgo)]).toBe(50)
    expect(readA?.days[dayIndex(tenDaysAgo)]).toBe(100)
    expect(readA?.days[dayIndex(now)]).toBe(50)
    expect(readA?.days.filter((d) => d !== null)).toHaveLength(3)
    // (5 + 4 + 1) online of (10 + 4 + 2).
    expect(readA?.uptime).toBe(62.5)
    expect(readB?.days[dayIndex(thisHour - HOUR_MS)]).toBe(0)
    expect(readB?.uptime).toBe(0)
    expect(read.dates).toHaveLength(DAYS)
    expect(read.dates[0]).toBe(new Date(now - (DAYS - 1) * DAY_MS).toISOString().slice(0, 10))
    expect(read.dates[DAYS - 1]).toBe(new Date(now).toISOString().slice(0, 10))
    expect(readB).not.toHaveProperty('host')
  })

  it('keeps the rolled-up days in a cache until the next rollup, and reads fresh probes every time', async () => {
    const gw = await makeGateway(t.db, 'cached')
    const thisHour = Math.floor(Date.now() / HOUR_MS) * HOUR_MS
    await t.db
      .insert(gatewayProbeHourly)
      .values({ gatewayId: gw.id, hour: new Date(thisHour - DAY_MS), probes: 4, failures: 1 })
    const stored = new Map<string, DailyCounts>()
    let reads = 0
    const cache = {
      get: (key: string) => stored.get(key),
      set: (key: string, value: DailyCounts) => {
        reads++
        stored.set(key, value)
      },
    }
    const first = await readStatusPage(t.db, [gw.id], options, cache)
    await t.db.insert(gatewayProbes).values({ gatewayId: gw.id, status: 'offline', probedAt: new Date() })
    const second = await readStatusPage(t.db, [gw.id], options, cache)
    expect(reads).toBe(1)
    expect(first.gateways[0]?.uptime).toBe(75)
    expect(second.gateways[0]?.uptime).toBe(60)
    // The cached counts were not changed by adding the fresh probes to them.
    expect((await readStatusPage(t.db, [gw.id], options, cache)).gateways[0]?.uptime).toBe(60)

    // A new rolled-up hour is a new key: read again.
    await t.db
      .insert(gatewayProbeHourly)
      .values({ gatewayId: gw.id, hour: new Date(thisHour), probes: 1, failures: 0 })
    await readStatusPage(t.db, [gw.id], options, cache)
    expect(reads).toBe(2)
  })

  it('lists open incidents first, then recently resolved ones, of listed gateways only', async () => {
    const [a, other] = [await makeGateway(t.db, 'inc-a'), await makeGateway(t.db, 'inc-other')]
    const incident = (
      subjectId: number,
      status: 'open' | 'acknowledged' | 'resolved',
      resolvedDaysAgo?: number,
    ) => ({
      ruleName: `rule ${status} ${resolvedDaysAgo ?? ''}`,
      kind: 'gateway_down',
      severity: 'critical',
      subjectType: 'gateway',
      subjectId,
      subjectName: 'old name',
      status,
      summary: 'internal details',
      openedAt: new Date(Date.now() - 30 * DAY_MS),
      resolvedAt: resolvedDaysAgo === undefined ? null : new Date(Date.now() - resolvedDaysAgo * DAY_MS),
    })
    await t.db
      .insert(incidents)
      .values([
        incident(a.id, 'resolved', 1),
        incident(a.id, 'resolved', 20),
        incident(a.id, 'open'),
        incident(other.id, 'open'),
      ])
    const read = await readStatusPage(t.db, [a.id], options)
    expect(read.incidents.map((i) => [i.ruleName.trim(), i.gatewayName])).toEqual([
      ['rule open', 'inc-a'],
      ['rule resolved 1', 'inc-a'],
    ])
    expect(await readStatusPage(t.db, [], options)).toMatchObject({ gateways: [], incidents: [] })
  })
})
