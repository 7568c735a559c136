import type { ProbeReading } from '@mc/openclaw'
import { eq, gte, inArray, lte, type SQL, sql } from 'drizzle-orm'
import type { Database } from '../client.ts'
import { gatewayProbes } from '../schema/gateway-probes.ts'
import { gateways } from '../schema/gateways.ts'
import type { GatewayRow } from './gateways.ts'
import { type KeysetPage, type KeysetParams, keysetPage } from './keyset-page.ts'
import { rowOf } from './raw-row.ts'

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
      /** A manual rotation's token, while it has not expired (encrypted). */
      pendingToken: sql<
        string | null
      >`case when ${gateways.pendingTokenExpiresAt} > now() then ${gateways.pendingToken} end`,
      consecutiveFailures: gateways.consecutiveFailures,
    })
    .from(gateways)
    .where(inArray(gateways.id, ids))
}

/**
 * Every gateway's id, in the order to probe them: those whose last probe failed first (a gateway
 * that times out stays online until FAILURE_THRESHOLD failures, so the count tells, not the
 * status), so that slow deadlines run while the others are probed (a sweep then takes about one
 * deadline, not the time to start every probe plus one), then by id.
 */
export async function listGatewayIdsInProbeOrder(db: Database): Promise<number[]> {
  const rows = await db
    .select({ id: gateways.id })
    .from(gateways)
    .orderBy(sql`${gateways.consecutiveFailures} > 0 desc`, gateways.id)
  return rows.map((row) => row.id)
}

export interface ProbeToRecord {
  gatewayId: number
  reading: ProbeReading
}

export interface RecordedProbe {
  previousStatus: GatewayRow['status']
  /** The version the gateway reported before this probe (a change is an alert of its own). */
  previousVersion: string | null
  gateway: GatewayRow
}

/** `recordProbes` for one probe; undefined if the gateway is gone. */
export async function recordProbe(
  db: Database,
  gatewayId: number,
  reading: ProbeReading,
  failureThreshold: number,
): Promise<RecordedProbe | undefined> {
  const [recorded] = await recordProbes(db, [{ gatewayId, reading }], failureThreshold)
  return recorded
}

/**
 * Stores probes of distinct gateways: for each a `gateway_probes` row, the gateway's new state and,
 * when its status changed, a `gateway_status_changes` row, all in one statement (one transaction and
 * one round trip for many probes, which matters at a thousand probes per sweep). A failure turns an
 * online gateway into a failure status only after `failureThreshold` failures in a row; `last_seen`
 * and `latency` change only when it is online; counts and version only when the probe read them.
 * Returns, in the order of `probes`, the status before and the gateway's whole row after (every
 * time in it the database's), or undefined for a gateway that is gone.
 */
export async function recordProbes(
  db: Database,
  probes: ProbeToRecord[],
  failureThreshold: number,
): Promise<(RecordedProbe | undefined)[]> {
  if (probes.length === 0) return []
  if (new Set(probes.map((probe) => probe.gatewayId)).size !== probes.length)
    throw new Error('recordProbes: each gateway at most once per call')
  const input = JSON.stringify(
    probes.map(({ gatewayId, reading }, index) => ({
      ord: index,
      gateway_id: gatewayId,
      status: reading.status,
      latency: reading.latencyMs,
      sessions_count: reading.sessionsCount,
      agents_count: reading.agentsCount,
      version: reading.version,
      error: reading.error,
    })),
  )
  // Rows are locked in id order, so two batches sharing gateways cannot deadlock.
  const rows = await db.execute<Record<string, unknown>>(sql`
    with input as (
      select * from jsonb_to_recordset(${input}::jsonb) as r(
        ord int, gateway_id int, status gateway_status, latency int, sessions_count int,
        agents_count int, version text, error text)
    ), cur as (
      select g.id, g.status, g.version, g.consecutive_failures from gateways g
      where g.id in (select gateway_id from input) order by g.id for update
    ), upd as (
      update gateways g set
        status = case
          when i.status = 'online' then 'online'::gateway_status
          when cur.status = 'online' and cur.consecutive_failures + 1 < ${failureThreshold} then 'online'::gateway_status
          else i.status end,
        consecutive_failures = case when i.status = 'online' then 0 else cur.consecutive_failures + 1 end,
        consecutive_successes = case when i.status = 'online' then g.consecutive_successes + 1 else 0 end,
        last_probe_at = now(),
        last_error = case when i.status = 'online' then null else i.error end,
        last_seen = case when i.status = 'online' then now() else g.last_seen end,
        latency = case when i.status = 'online' then i.latency else g.latency end,
        version = coalesce(i.version, g.version),
        sessions_count = coalesce(i.sessions_count, g.sessions_count),
        agents_count = coalesce(i.agents_count, g.agents_count)
      from cur join input i on i.gateway_id = cur.id
      where g.id = cur.id
      returning g.*, cur.status as previous_status, cur.version as previous_version, i.ord as input_ord
    ), ins as (
      insert into gateway_probes (gateway_id, status, latency, sessions_count, agents_count, version, error)
      select i.gateway_id, i.status, i.latency, i.sessions_count, i.agents_count, i.version, i.error
      from input i join upd on upd.id = i.gateway_id
    ), flip as (
      insert into gateway_status_changes (gateway_id, old_status, new_status, latency, error)
      select id, previous_status, status, latency, last_error from upd where status <> previous_status
    )
    select * from upd`)
  const recorded: (RecordedProbe | undefined)[] = probes.map(() => undefined)
  for (const row of rows) {
    recorded[Number(row.input_ord)] = {
      previousStatus: row.previous_status as GatewayRow['status'],
      previousVersion: row.previous_version as string | null,
      gateway: rowOf(gateways, row),
    }
  }
  return recorded
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
