import { sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { finishedToolCall, makeGateway } from '../../test/fixtures.ts'
import { useMigratedDatabase } from '../../test/migrated-database.ts'
import { recordAuthFailures } from './auth-failure-writes.ts'
import { recordGatewayEvents } from './gateway-event-writes.ts'
import { recordGatewayUsage } from './gateway-usage-writes.ts'
import { pruneInsights } from './insight-retention.ts'
import { recordToolCalls } from './tool-call-writes.ts'
import { rollUpToolHours } from './tool-rollups.ts'

const t = useMigratedDatabase()
const DAY_MS = 86_400_000
const daysAgo = (days: number) => Date.now() - days * DAY_MS
const isoDay = (at: number) => new Date(at).toISOString().slice(0, 10)
const retention = { toolCallDays: 7, rollupDays: 365, eventDays: 7, eventMaxRows: 3 }

const count = async (table: string, gatewayId: number) => {
  const [row] = await t.db.execute<{ n: number }>(
    sql`select count(*)::int as n from ${sql.identifier(table)} where gateway_id = ${gatewayId}`,
  )
  return row?.n
}

const call = (id: string, endedAt: number) => finishedToolCall(id, { endedAt })

const event = (at: number, summary: string) => ({
  at,
  type: 'chat',
  sessionKey: null,
  agentId: null,
  runId: null,
  summary,
})

describe('insight retention', () => {
  it('deletes what is past its retention and each gateway’s events beyond the cap, newest kept', async () => {
    const gw = await makeGateway(t.db, 'retention')
    const other = await makeGateway(t.db, 'retention-other')
    await recordToolCalls(t.db, gw.id, [call('old', daysAgo(8)), call('new', daysAgo(1))], 'event')
    await rollUpToolHours(t.db, new Date(0), 30)
    await t.db.execute(sql`
      insert into gateway_tool_hourly (tool_id, hour, calls, failures)
      select id, now() - interval '400 days', 1, 0 from gateway_tools where gateway_id = ${gw.id}`)
    await recordGatewayUsage(t.db, gw.id, isoDay(daysAgo(400)), [
      {
        sessionKey: 's',
        agentId: null,
        model: null,
        provider: null,
        inputTokens: 1,
        outputTokens: 1,
        costUsd: 0,
      },
    ])
    await recordGatewayUsage(t.db, gw.id, isoDay(daysAgo(30)), [
      {
        sessionKey: 's',
        agentId: null,
        model: null,
        provider: null,
        inputTokens: 1,
        outputTokens: 1,
        costUsd: 0,
      },
    ])
    await recordAuthFailures(t.db, gw.id, [
      { at: daysAgo(8), address: 'a', reason: 'r' },
      { at: daysAgo(1), address: 'a', reason: 'r' },
    ])
    const events = [
      event(daysAgo(8), 'too old'),
      ...[5, 4, 3, 2, 1].map((minutes) => event(Date.now() - minutes * 60_000, `${minutes}`)),
    ]
    await recordGatewayEvents(t.db, gw.id, events, 100)
    await recordGatewayEvents(t.db, other.id, events.slice(1, 3), 100)

    expect(await pruneInsights(t.db, retention)).toEqual({
      toolCalls: 1,
      toolHours: 1,
      usage: 1,
      authFailures: 1,
      events: 3,
    })
    expect(await count('gateway_tool_calls', gw.id)).toBe(1)
    expect(await count('gateway_usage', gw.id)).toBe(1)
    expect(await count('gateway_auth_failures', gw.id)).toBe(1)
    const kept = await t.db.execute<{ summary: string }>(
      sql`select summary from gateway_events where gateway_id = ${gw.id} order by id`,
    )
    expect(kept.map((row) => row.summary)).toEqual(['3', '2', '1'])
    expect(await count('gateway_events', other.id)).toBe(2)
    // The hours of both calls stay rolled up, the raw call 8 days old gone or not.
    const [hours] = await t.db.execute<{ n: number }>(sql`select count(*)::int as n from gateway_tool_hourly`)
    expect(hours?.n).toBe(2)
  })
})
