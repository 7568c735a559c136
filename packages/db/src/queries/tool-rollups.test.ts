import { sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { finishedToolCall, makeGateway } from '../../test/fixtures.ts'
import { useMigratedDatabase } from '../../test/migrated-database.ts'
import { recordToolCalls } from './tool-call-writes.ts'
import { rollUpToolHours } from './tool-rollups.ts'

const t = useMigratedDatabase()
const HOUR_MS = 3_600_000
const thisHour = Math.floor(Date.now() / HOUR_MS) * HOUR_MS
const lastHour = thisHour - HOUR_MS

const call = (id: string, endedAt: number, durationMs: number, ok = true) =>
  finishedToolCall(id, { endedAt, durationMs, ok, error: ok ? null : 'failed' })

const hourly = (gatewayId: number) =>
  t.db.execute<Record<string, unknown>>(sql`
    select extract(epoch from h.hour)::bigint * 1000 as hour, h.calls, h.failures, h.p50_ms, h.p95_ms, h.max_ms
    from gateway_tool_hourly h join gateway_tools t on t.id = h.tool_id
    where t.gateway_id = ${gatewayId} order by h.hour`)

describe('rolling tool calls up per hour', () => {
  it('computes calls, failures and percentiles of the hours that gained calls, idempotently', async () => {
    const gw = await makeGateway(t.db, 'rollups')
    const since = new Date(Date.now() - 60_000)
    // Ten calls of 100..1000 ms last hour, two of them failed; one call of 40 ms this hour.
    const calls = Array.from({ length: 10 }, (_, i) =>
      call(`c${i}`, lastHour + 60_000 * (i + 1), 100 * (i + 1), i % 5 !== 0),
    )
    await recordToolCalls(t.db, gw.id, [...calls, call('now', thisHour + 1000, 40)], 'event')
    const first = await rollUpToolHours(t.db, since, 7)
    expect(first.rows).toBeGreaterThanOrEqual(2)
    const expected = [
      { hour: String(lastHour), calls: 10, failures: 2, p50_ms: 550, p95_ms: 955, max_ms: 1000 },
      { hour: String(thisHour), calls: 1, failures: 0, p50_ms: 40, p95_ms: 40, max_ms: 40 },
    ]
    expect(await hourly(gw.id)).toEqual(expected)
    // Again, from the returned watermark and from the start: the same rows.
    await rollUpToolHours(t.db, first.until, 7)
    await rollUpToolHours(t.db, since, 7)
    expect(await hourly(gw.id)).toEqual(expected)
    // A late call of last hour (a backfill) recomputes that hour.
    await recordToolCalls(t.db, gw.id, [call('late', lastHour + 1000, 5000, false)], 'audit')
    await rollUpToolHours(t.db, first.until, 7)
    expect((await hourly(gw.id))[0]).toMatchObject({ calls: 11, failures: 3, max_ms: 5000 })
  })

  it('leaves hours older than the raw retention alone', async () => {
    const gw = await makeGateway(t.db, 'rollups-old')
    await recordToolCalls(t.db, gw.id, [call('old', thisHour - 9 * 24 * HOUR_MS, 10)], 'audit')
    await rollUpToolHours(t.db, new Date(Date.now() - 60_000), 7)
    expect(await hourly(gw.id)).toEqual([])
  })
})
