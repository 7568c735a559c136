import { type SQL, sql } from 'drizzle-orm'
import type { Database } from '../client.ts'
import { gatewayProbeHourly } from '../schema/gateway-probe-hourly.ts'
import { gatewayProbes } from '../schema/gateway-probes.ts'

/**
 * The end of the hours rolled up so far: the rollup job writes an hour for every gateway in one
 * statement, so the latest hour present is complete for all of them. Null before the first rollup.
 */
export const rolledUpUntilSql = sql`(select max(${gatewayProbeHourly.hour}) + interval '1 hour' from ${gatewayProbeHourly})`

/** `rolledUpUntilSql`'s value, read on its own so that the window queries plan with it known. */
export async function readRolledUpUntil(db: Database): Promise<Date | null> {
  const [row] = await db.execute<{ until: string | Date | null }>(sql`select ${rolledUpUntilSql} as until`)
  return row?.until ? new Date(row.until) : null
}

/**
 * A trailing window of probe history — the probes with `probed_at > now() - span`, as the raw
 * probes would give it — split so that it reads little raw data however long it is: its whole hours
 * before `rolledUpUntil` come from `gateway_probe_hourly`, and the rest from `gateway_probes`: the
 * window's first, partial hour and everything from `rolledUpUntil` on (the current hour, and any
 * the rollup job has not reached yet). While the job keeps up that is about one hour of raw probes,
 * whatever the window's length.
 */
export interface ProbeWindow {
  /** Condition on `gateway_probe_hourly` rows: the window's rolled-up hours. */
  rolledUpHours: SQL
  /**
   * Conditions on `gateway_probes` rows, each one range of `probed_at`: together the window's probes
   * not in those hours. Read one range at a time, as index scans along `probed_at`; one condition
   * with an `or` would be a bitmap scan, which Postgres prices as if the rows were scattered over the
   * whole table, and then spends longer compiling (JIT) than reading.
   */
  rawRanges: SQL[]
}

export function probeWindow(span: SQL, rolledUpUntil: Date | null): ProbeWindow {
  const since = sql`now() - ${span}`
  const { hour } = gatewayProbeHourly
  const { probedAt } = gatewayProbes
  if (rolledUpUntil === null) return { rolledUpHours: sql`false`, rawRanges: [sql`${probedAt} > ${since}`] }
  // The first hour wholly inside the window (`since` itself is outside it).
  const firstWholeHour = sql`date_trunc('hour', ${since}) + interval '1 hour'`
  const until = sql`${rolledUpUntil.toISOString()}::timestamptz`
  return {
    rolledUpHours: sql`${hour} >= ${firstWholeHour} and ${hour} < ${until}`,
    rawRanges: [
      sql`${probedAt} > ${since} and ${probedAt} < ${firstWholeHour}`,
      sql`${probedAt} >= greatest(${firstWholeHour}, ${until})`,
    ],
  }
}

/**
 * The probes from `startHour` (a whole hour, inclusive) to now, split as `probeWindow` splits a
 * trailing window: whole hours from the rollups, the rest from the raw probes.
 */
export function probeWindowFromHour(startHour: SQL, rolledUpUntil: Date | null): ProbeWindow {
  const { hour } = gatewayProbeHourly
  const { probedAt } = gatewayProbes
  if (rolledUpUntil === null)
    return { rolledUpHours: sql`false`, rawRanges: [sql`${probedAt} >= ${startHour}`] }
  const until = sql`${rolledUpUntil.toISOString()}::timestamptz`
  return {
    rolledUpHours: sql`${hour} >= ${startHour} and ${hour} < ${until}`,
    rawRanges: [sql`${probedAt} >= greatest(${startHour}, ${until})`],
  }
}

/**
 * The probes of `window` per gateway, as rows of (gateway_id, probes, online) to be summed: one
 * from the rolled-up hours and one from the raw probes. `gatewayId` narrows it to one gateway.
 */
export function probeCounts(window: ProbeWindow, gatewayId?: number): SQL {
  const hourly = gatewayId === undefined ? sql`` : sql` and ${gatewayProbeHourly.gatewayId} = ${gatewayId}`
  const raw = gatewayId === undefined ? sql`` : sql` and ${gatewayProbes.gatewayId} = ${gatewayId}`
  const rolledUp = sql`
    select ${gatewayProbeHourly.gatewayId} as gateway_id, sum(${gatewayProbeHourly.probes}) as probes,
           sum(${gatewayProbeHourly.probes} - ${gatewayProbeHourly.failures}) as online
    from ${gatewayProbeHourly} where ${window.rolledUpHours}${hourly}
    group by 1`
  const rawRanges = window.rawRanges.map(
    (range) => sql`
    select ${gatewayProbes.gatewayId}, count(*), count(*) filter (where ${gatewayProbes.status} = 'online')
    from ${gatewayProbes} where ${range}${raw}
    group by 1`,
  )
  return sql.join([rolledUp, ...rawRanges], sql` union all `)
}

/**
 * The latencies of one gateway's online probes in `window`, as rows of (latency, n): n probes took
 * `latency` ms. Rolled-up hours give their histograms, raw probes one row each.
 */
export function onlineLatencies(window: ProbeWindow, gatewayId: number): SQL {
  const rolledUp = sql`
    select v.latency, v.n
    from ${gatewayProbeHourly}
    cross join lateral unnest(${gatewayProbeHourly.latencyValues}, ${gatewayProbeHourly.latencyCounts}) as v(latency, n)
    where ${window.rolledUpHours} and ${gatewayProbeHourly.gatewayId} = ${gatewayId}`
  const rawRanges = window.rawRanges.map(
    (range) => sql`
    select ${gatewayProbes.latency}, 1
    from ${gatewayProbes}
    where ${range} and ${gatewayProbes.gatewayId} = ${gatewayId}
      and ${gatewayProbes.status} = 'online' and ${gatewayProbes.latency} is not null`,
  )
  return sql.join([rolledUp, ...rawRanges], sql` union all `)
}
