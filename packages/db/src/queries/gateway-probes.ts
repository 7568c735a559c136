import type { ProbeReading } from '@mc/openclaw'
import { eq, getTableColumns, gte, inArray, lte, type SQL, sql } from 'drizzle-orm'
import type { Database } from '../client.ts'
import { gatewayProbes } from '../schema/gateway-probes.ts'
import { gateways } from '../schema/gateways.ts'
import type { GatewayRow } from './gateways.ts'
import { type KeysetPage, type KeysetParams, keysetPage } from './keyset-page.ts'

export type ProbeRow = typeof gatewayProbes.$inferSelect
/** What the gateways need for a probe, for those that still exist. Tokens are still encrypted. */
export async function findGatewayProbeTargets(db: Database, ids: number[]) {
  if (ids.length === 0) return []
  return db
    .select({
      id: gateways.id,
      host: gateways.host,
      port: gateways.port,
      token: gateways.token,
      tlsInsecure: gateways.tlsInsecure,
    })
    .from(gateways)
    .where(inArray(gateways.id, ids))
}

export async function listGatewayIds(db: Database): Promise<number[]> {
  const rows = await db.select({ id: gateways.id }).from(gateways).orderBy(gateways.id)
  return rows.map((row) => row.id)
}

/**
 * Stores one probe: a `gateway_probes` row, the gateway's new state and, when its status changed, a
 * `gateway_status_changes` row, in one statement (so one transaction and one round trip, which
 * matters at a thousand probes per sweep). A failure turns an
 * online gateway into a failure status only after `failureThreshold` failures in a row; `last_seen`
 * and `latency` change only when it is online; counts and version only when the probe read them.
 * Returns the status before and the gateway's whole row after (every time in it the database's), or
 * undefined if the gateway is gone.
 */
export async function recordProbe(
  db: Database,
  gatewayId: number,
  reading: ProbeReading,
  failureThreshold: number,
): Promise<{ previousStatus: GatewayRow['status']; gateway: GatewayRow } | undefined> {
  const online = reading.status === 'online'
  const rows = await db.execute<Record<string, unknown>>(sql`
    with cur as (
      select id, status, consecutive_failures from gateways where id = ${gatewayId} for update
    ), upd as (
      update gateways g set
        status = case
          when ${online} then 'online'::gateway_status
          when cur.status = 'online' and cur.consecutive_failures + 1 < ${failureThreshold} then 'online'::gateway_status
          else ${reading.status}::gateway_status end,
        consecutive_failures = case when ${online} then 0 else cur.consecutive_failures + 1 end,
        last_probe_at = now(),
        last_error = case when ${online} then null else ${reading.error} end,
        last_seen = case when ${online} then now() else g.last_seen end,
        latency = case when ${online} then ${reading.latencyMs}::int else g.latency end,
        version = coalesce(${reading.version}, g.version),
        sessions_count = coalesce(${reading.sessionsCount}::int, g.sessions_count),
        agents_count = coalesce(${reading.agentsCount}::int, g.agents_count)
      from cur where g.id = cur.id
      returning g.*, cur.status as previous_status
    ), ins as (
      insert into gateway_probes (gateway_id, status, latency, sessions_count, agents_count, version, error)
      select id, ${reading.status}::gateway_status, ${reading.latencyMs}::int, ${reading.sessionsCount}::int,
        ${reading.agentsCount}::int, ${reading.version}, ${reading.error}
      from upd
    ), flip as (
      insert into gateway_status_changes (gateway_id, old_status, new_status, latency, error)
      select id, previous_status, status, latency, last_error from upd where status <> previous_status
    )
    select * from upd`)
  const row = rows[0]
  if (!row) return undefined
  return { previousStatus: row.previous_status as GatewayRow['status'], gateway: gatewayRowOf(row) }
}

/** A raw `gateways` row (column names, driver values) as drizzle's own selects return it. */
function gatewayRowOf(raw: Record<string, unknown>): GatewayRow {
  const entries = Object.entries(getTableColumns(gateways)).map(([key, column]) => {
    const value = raw[column.name]
    return [key, value === null ? null : column.mapFromDriverValue(value)]
  })
  return Object.fromEntries(entries) as GatewayRow
}

export interface ProbeFilter extends KeysetParams {
  gatewayId?: number
  since?: Date
  until?: Date
}

/** Probe history, newest first, with the next page's cursor. */
export async function listProbes(db: Database, filter: ProbeFilter): Promise<KeysetPage<ProbeRow>> {
  const conditions: SQL[] = []
  if (filter.gatewayId !== undefined) conditions.push(eq(gatewayProbes.gatewayId, filter.gatewayId))
  if (filter.since) conditions.push(gte(gatewayProbes.probedAt, filter.since))
  if (filter.until) conditions.push(lte(gatewayProbes.probedAt, filter.until))
  return keysetPage(db.select().from(gatewayProbes).$dynamic(), gatewayProbes.id, conditions, filter)
}

/** The last `limit` probes of each of `gatewayIds`, newest first, in one query. */
export async function recentProbes(db: Database, gatewayIds: number[], limit: number): Promise<ProbeRow[]> {
  if (gatewayIds.length === 0) return []
  const rows = await db.execute<Record<keyof ProbeRow, unknown>>(sql`
    select p.id, p.gateway_id as "gatewayId", p.status, p.latency, p.sessions_count as "sessionsCount",
           p.agents_count as "agentsCount", p.version, p.error, p.probed_at as "probedAt"
    from unnest(array[${sql.join(
      gatewayIds.map((id) => sql`${id}`),
      sql`, `,
    )}]::int[]) as g(id)
    cross join lateral (
      select * from ${gatewayProbes} where gateway_id = g.id order by probed_at desc limit ${limit}
    ) p`)
  // Raw rows: bigint ids arrive as strings and timestamps as text; give them the table's types.
  return rows.map((row) => ({
    ...(row as ProbeRow),
    id: Number(row.id),
    probedAt: new Date(row.probedAt as string | Date),
  }))
}

export interface GatewayUptime {
  /** Share of online probes in the window, 0–100; null without probes. */
  uptime24h: number | null
  uptime7d: number | null
  uptime30d: number | null
  latencyP50: number | null
  latencyP95: number | null
  latencyP99: number | null
  probes24h: number
}

const DAY = sql.raw(`interval '24 hours'`)
const WEEK = sql.raw(`interval '7 days'`)
const MONTH = sql.raw(`interval '30 days'`)

/** Share of online probes among those within `window` of now, 0–100; null without probes. */
const onlineShare = (
  window: SQL,
) => sql`100.0 * count(*) filter (where status = 'online' and probed_at > now() - ${window})
  / nullif(count(*) filter (where probed_at > now() - ${window}), 0)`

const toNumber = (value: unknown) => (value === null || value === undefined ? null : Number(value))
/** Two decimals, as the API shows percentages and latencies. */
const round2 = (value: number | null) => (value === null ? null : Math.round(value * 100) / 100)

/** Uptime over 24 h / 7 d / 30 d and the last day's latency percentiles, in one pass over the index. */
export async function gatewayUptime(db: Database, gatewayId: number): Promise<GatewayUptime> {
  const [row] = await db.execute<Record<string, number | string | null>>(sql`
    select
      ${onlineShare(DAY)} as uptime_24h,
      ${onlineShare(WEEK)} as uptime_7d,
      ${onlineShare(MONTH)} as uptime_30d,
      percentile_cont(0.5) within group (order by latency) filter (where status = 'online' and probed_at > now() - ${DAY}) as p50,
      percentile_cont(0.95) within group (order by latency) filter (where status = 'online' and probed_at > now() - ${DAY}) as p95,
      percentile_cont(0.99) within group (order by latency) filter (where status = 'online' and probed_at > now() - ${DAY}) as p99,
      count(*) filter (where probed_at > now() - ${DAY}) as probes_24h
    from ${gatewayProbes}
    where gateway_id = ${gatewayId} and probed_at > now() - ${MONTH}`)
  return {
    uptime24h: round2(toNumber(row?.uptime_24h)),
    uptime7d: round2(toNumber(row?.uptime_7d)),
    uptime30d: round2(toNumber(row?.uptime_30d)),
    latencyP50: round2(toNumber(row?.p50)),
    latencyP95: round2(toNumber(row?.p95)),
    latencyP99: round2(toNumber(row?.p99)),
    probes24h: toNumber(row?.probes_24h) ?? 0,
  }
}

export interface GatewayUptime24h {
  gatewayId: number
  name: string
  /** As `gatewayUptime(…).uptime24h`: share of online probes in the last 24 h; null without probes. */
  uptime24h: number | null
}

/**
 * The 24 h uptime of every gateway, in one query (one scan of the day's probes, not one per
 * gateway): lowest first, gateways without probes last, then by name.
 */
export async function uptime24hByGateway(db: Database): Promise<GatewayUptime24h[]> {
  const rows = await db.execute<{ id: number; name: string; uptime: string | number | null }>(sql`
    select g.id, g.name, u.uptime
    from ${gateways} g
    left join (
      select gateway_id, ${onlineShare(DAY)} as uptime
      from ${gatewayProbes}
      where probed_at > now() - ${DAY}
      group by gateway_id
    ) u on u.gateway_id = g.id
    order by u.uptime asc nulls last, lower(g.name), g.id`)
  return rows.map((row) => ({
    gatewayId: Number(row.id),
    name: String(row.name),
    uptime24h: round2(toNumber(row.uptime)),
  }))
}
