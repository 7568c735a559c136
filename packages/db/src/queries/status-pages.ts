import { asc, eq, inArray, sql } from 'drizzle-orm'
import type { Database } from '../client.ts'
import { gatewayProbeHourly } from '../schema/gateway-probe-hourly.ts'
import { gatewayProbes } from '../schema/gateway-probes.ts'
import { gateways } from '../schema/gateways.ts'
import { incidents } from '../schema/incidents.ts'
import { statusPages } from '../schema/status-pages.ts'
import { violatedUniqueIndex } from './postgres-errors.ts'
import { type ProbeWindow, probeWindowFromHour, readRolledUpUntil } from './probe-windows.ts'

export type StatusPageRow = typeof statusPages.$inferSelect

export interface StatusPageValues {
  slug: string
  title: string
  description: string
  gatewayIds: number[]
  public: boolean
  showErrors: boolean
}

export class DuplicateStatusPageSlugError extends Error {
  constructor(slug: string) {
    super(`a status page with slug "${slug}" already exists`)
    this.name = 'DuplicateStatusPageSlugError'
  }
}

export class UnknownStatusPageGatewaysError extends Error {
  constructor(readonly missing: number[]) {
    super(`no gateway with id ${missing.join(', ')}`)
    this.name = 'UnknownStatusPageGatewaysError'
  }
}

type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0]

/** Refuses ids naming no gateway, all of them at once, so the admin can fix the list in one go. */
async function assertGatewaysExist(tx: Transaction, ids: number[]): Promise<void> {
  if (ids.length === 0) return
  const found = await tx.select({ id: gateways.id }).from(gateways).where(inArray(gateways.id, ids))
  const known = new Set(found.map((row) => row.id))
  const missing = ids.filter((id) => !known.has(id))
  if (missing.length > 0) throw new UnknownStatusPageGatewaysError(missing)
}

function rethrowDuplicateSlug(error: unknown, slug: string | undefined): never {
  if (violatedUniqueIndex(error) === 'status_pages_slug_idx' && slug !== undefined) {
    throw new DuplicateStatusPageSlugError(slug)
  }
  throw error
}

export async function listStatusPages(db: Database): Promise<StatusPageRow[]> {
  return db.select().from(statusPages).orderBy(asc(statusPages.slug))
}

export async function findStatusPage(db: Database, id: number): Promise<StatusPageRow | undefined> {
  const [row] = await db.select().from(statusPages).where(eq(statusPages.id, id))
  return row
}

export async function findStatusPageBySlug(db: Database, slug: string): Promise<StatusPageRow | undefined> {
  const [row] = await db.select().from(statusPages).where(eq(statusPages.slug, slug))
  return row
}

/** Throws `UnknownStatusPageGatewaysError` or `DuplicateStatusPageSlugError`. */
export async function createStatusPage(db: Database, values: StatusPageValues): Promise<StatusPageRow> {
  try {
    return await db.transaction(async (tx) => {
      await assertGatewaysExist(tx, values.gatewayIds)
      const [row] = await tx.insert(statusPages).values(values).returning()
      if (!row) throw new Error('status page insert returned nothing')
      return row
    })
  } catch (error) {
    rethrowDuplicateSlug(error, values.slug)
  }
}

/** The row before and after; undefined for an unknown id. Throws as `createStatusPage`. */
export async function updateStatusPage(
  db: Database,
  id: number,
  patch: Partial<StatusPageValues>,
): Promise<{ before: StatusPageRow; after: StatusPageRow } | undefined> {
  try {
    return await db.transaction(async (tx) => {
      const [before] = await tx.select().from(statusPages).where(eq(statusPages.id, id)).for('update')
      if (!before) return undefined
      if (patch.gatewayIds) await assertGatewaysExist(tx, patch.gatewayIds)
      const [after] = await tx
        .update(statusPages)
        .set({ ...patch, updatedAt: sql`now()` })
        .where(eq(statusPages.id, id))
        .returning()
      if (!after) throw new Error('status page vanished during update')
      return { before, after }
    })
  } catch (error) {
    rethrowDuplicateSlug(error, patch.slug)
  }
}

export async function deleteStatusPage(db: Database, id: number): Promise<StatusPageRow | undefined> {
  const [row] = await db.delete(statusPages).where(eq(statusPages.id, id)).returning()
  return row
}

/** A listed gateway as a status page reads it: no host, port or token are even selected. */
export interface StatusPageGateway {
  id: number
  name: string
  status: (typeof gateways.$inferSelect)['status']
  lastProbeAt: Date | null
  lastError: string | null
  /** `days` UTC days, oldest first: online share 0–100, null for a day without probes. */
  days: (number | null)[]
  /** Over all those days; null without probes. */
  uptime: number | null
}

export interface StatusPageIncident {
  id: number
  gatewayId: number
  gatewayName: string
  ruleName: string
  severity: string
  status: (typeof incidents.$inferSelect)['status']
  openedAt: Date
  resolvedAt: Date | null
}

export interface StatusPageRead {
  /** The days of `StatusPageGateway.days`, as `YYYY-MM-DD` (UTC). */
  dates: string[]
  gateways: StatusPageGateway[]
  incidents: StatusPageIncident[]
}

export interface StatusPageReadOptions {
  /** UTC days of uptime, today included. */
  days: number
  /** Resolved incidents stay listed this many days after they resolved. */
  incidentDays: number
  /** At most this many incidents (open ones first). */
  incidentLimit: number
}

const DAY_MS = 86_400_000
const round2 = (value: number) => Math.round(value * 100) / 100
const share = (online: number, probes: number) => (probes > 0 ? round2((100 * online) / probes) : null)

/** Probes and online probes per gateway, each an array over the page's days. */
export type DailyCounts = Map<number, { probes: number[]; online: number[] }>

/**
 * Keeps the rolled-up part of pages' daily counts: it changes only when the rollup job adds an
 * hour (which changes the key), so a page read again within the hour reads only its raw probes.
 */
export interface RolledUpDaysCache {
  get(key: string): DailyCounts | undefined
  set(key: string, value: DailyCounts): void
}

type CountRow = { gateway_id: number; day: number; probes: number; online: number }

/** Rows of (gateway_id, day index, probes, online) added into `into`. */
function addCounts(into: DailyCounts, rows: Iterable<CountRow>, days: number): DailyCounts {
  for (const row of rows) {
    const day = Number(row.day)
    if (day < 0 || day >= days) continue
    const gatewayId = Number(row.gateway_id)
    let sums = into.get(gatewayId)
    if (!sums) {
      sums = { probes: new Array(days).fill(0), online: new Array(days).fill(0) }
      into.set(gatewayId, sums)
    }
    sums.probes[day] = (sums.probes[day] ?? 0) + Number(row.probes)
    sums.online[day] = (sums.online[day] ?? 0) + Number(row.online)
  }
  return into
}

const copyCounts = (counts: DailyCounts): DailyCounts =>
  new Map([...counts].map(([id, sums]) => [id, { probes: [...sums.probes], online: [...sums.online] }]))

const idArray = (ids: number[]) => sql`${`{${ids.join(',')}}`}::int[]`
const dayIndex = (at: unknown, firstDay: string) =>
  sql`((${at} at time zone 'UTC')::date - ${firstDay}::date)::int`

/** The window's rolled-up hours of these gateways, summed per gateway and UTC day. */
function rolledUpDailyCounts(window: ProbeWindow, ids: number[], firstDay: string) {
  return sql`
    select ${gatewayProbeHourly.gatewayId} as gateway_id, ${dayIndex(gatewayProbeHourly.hour, firstDay)} as day,
      sum(${gatewayProbeHourly.probes})::int as probes,
      sum(${gatewayProbeHourly.probes} - ${gatewayProbeHourly.failures})::int as online
    from ${gatewayProbeHourly}
    where ${gatewayProbeHourly.gatewayId} = any(${idArray(ids)}) and ${window.rolledUpHours}
    group by 1, 2`
}

/** The window's raw probes of these gateways (each range read on its own), per gateway and UTC day. */
function rawDailyCounts(window: ProbeWindow, ids: number[], firstDay: string) {
  const ranges = window.rawRanges.map(
    (range) => sql`
    select ${gatewayProbes.gatewayId} as gateway_id, ${dayIndex(gatewayProbes.probedAt, firstDay)} as day,
      count(*)::int as probes, (count(*) filter (where ${gatewayProbes.status} = 'online'))::int as online
    from ${gatewayProbes}
    where ${gatewayProbes.gatewayId} = any(${idArray(ids)}) and ${range}
    group by 1, 2`,
  )
  return sql.join(ranges, sql` union all `)
}

/**
 * Everything a status page shows for these gateways, in their order (ids of deleted gateways
 * skipped): current status, daily uptime from the hourly rollups plus the probes not rolled up yet,
 * and their incidents — open or acknowledged ones first, then those resolved within `incidentDays`.
 */
export async function readStatusPage(
  db: Database,
  gatewayIds: number[],
  options: StatusPageReadOptions,
  cache?: RolledUpDaysCache,
): Promise<StatusPageRead> {
  const today = Math.floor(Date.now() / DAY_MS) * DAY_MS
  const dates = Array.from({ length: options.days }, (_, i) =>
    new Date(today - (options.days - 1 - i) * DAY_MS).toISOString().slice(0, 10),
  )
  const firstDay = dates[0] ?? ''
  if (gatewayIds.length === 0) return { dates, gateways: [], incidents: [] }
  const rolledUpUntil = await readRolledUpUntil(db)
  const window = probeWindowFromHour(sql`${firstDay}::timestamp at time zone 'UTC'`, rolledUpUntil)
  const cacheKey = `${firstDay}|${rolledUpUntil?.toISOString()}|${gatewayIds.join(',')}`

  const rolledUp = async () => {
    const cached = cache?.get(cacheKey)
    if (cached) return cached
    const rows = await db.execute<CountRow>(rolledUpDailyCounts(window, gatewayIds, firstDay))
    const counts = addCounts(new Map(), rows, options.days)
    cache?.set(cacheKey, counts)
    return counts
  }
  const [listed, rolledUpCounts, rawCounts, incidentRows] = await Promise.all([
    db
      .select({
        id: gateways.id,
        name: gateways.name,
        status: gateways.status,
        lastProbeAt: gateways.lastProbeAt,
        lastError: gateways.lastError,
      })
      .from(gateways)
      .where(inArray(gateways.id, gatewayIds)),
    rolledUp(),
    db.execute<CountRow>(rawDailyCounts(window, gatewayIds, firstDay)),
    db
      .select({
        id: incidents.id,
        gatewayId: incidents.subjectId,
        gatewayName: incidents.subjectName,
        ruleName: incidents.ruleName,
        severity: incidents.severity,
        status: incidents.status,
        openedAt: incidents.openedAt,
        resolvedAt: incidents.resolvedAt,
      })
      .from(incidents)
      .where(
        sql`${incidents.subjectType} = 'gateway' and ${inArray(incidents.subjectId, gatewayIds)}
          and (${incidents.status} <> 'resolved'
            or ${incidents.resolvedAt} > now() - make_interval(days => ${options.incidentDays}))`,
      )
      .orderBy(
        sql`${incidents.status} = 'resolved'`,
        sql`${incidents.openedAt} desc`,
        sql`${incidents.id} desc`,
      )
      .limit(options.incidentLimit),
  ])
  const totals = addCounts(copyCounts(rolledUpCounts), rawCounts, options.days)

  const byId = new Map(listed.map((row) => [row.id, row]))
  const ordered = gatewayIds.flatMap((id) => byId.get(id) ?? [])
  const names = new Map(ordered.map((row) => [row.id, row.name]))
  const sum = (values: number[] | undefined) => (values ?? []).reduce((a, b) => a + b, 0)
  return {
    dates,
    gateways: ordered.map((row) => {
      const sums = totals.get(row.id)
      return {
        ...row,
        days: Array.from({ length: options.days }, (_, day) =>
          share(sums?.online[day] ?? 0, sums?.probes[day] ?? 0),
        ),
        uptime: share(sum(sums?.online), sum(sums?.probes)),
      }
    }),
    // Only of gateways still listed, under their current names.
    incidents: incidentRows.flatMap((row) => {
      const gatewayName = names.get(row.gatewayId)
      return gatewayName === undefined ? [] : [{ ...row, gatewayName }]
    }),
  }
}

/** A gateway listed on the public page `slug`, as its badges show it; undefined otherwise. */
export async function findPublicStatusPageGateway(
  db: Database,
  slug: string,
  gatewayId: number,
): Promise<Pick<StatusPageGateway, 'id' | 'name' | 'status'> | undefined> {
  const [row] = await db
    .select({ id: gateways.id, name: gateways.name, status: gateways.status })
    .from(statusPages)
    .innerJoin(gateways, sql`${gateways.id} = any(${statusPages.gatewayIds})`)
    .where(sql`${statusPages.slug} = ${slug} and ${statusPages.public} and ${gateways.id} = ${gatewayId}`)
  return row
}
