import { findReadCursor, findWatcherStatus, saveLogCursor } from '@mc/db'
import { connectGateway } from '@mc/openclaw'
import type { FakeGateway, FakeGatewayOptions } from '@mc/openclaw/fake'
import { createLogger } from '@mc/runtime'
import { eventually } from '@mc/testing'
import type { Job } from 'bullmq'
import { sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { toolRollup } from '../jobs/tool-rollup.ts'
import { useWatchedGateways } from '../testing/watched-gateways.ts'
import { useWorkerContext } from '../testing/worker-context.ts'
import { insightSettings } from './insight-settings.ts'

const ctx = useWorkerContext({ PROBE_INTERVAL_S: '5' })
const watched = useWatchedGateways(ctx)
const noJob = {} as Job

/** Quick polls, so that tests wait for little. */
const insights = (overrides: Partial<ReturnType<typeof insightSettings>> = {}) => ({
  settings: {
    insights: {
      ...insightSettings(ctx.config),
      logPollMs: 100,
      usagePollMs: 100,
      usageRetryMs: 50,
      ...overrides,
    },
  },
})

async function watchedGateway(name: string, options: FakeGatewayOptions = {}) {
  const fake = await watched.fake({ sessions: 1, ...options })
  const gateway = await watched.gateway(name, fake)
  const [session] = fake.sessionRows()
  if (!session) throw new Error('the fake has no session')
  return { fake, gateway, key: session.key }
}

const loaded = (gatewayId: number) =>
  eventually(async () =>
    expect(await findWatcherStatus(ctx.db, gatewayId)).toMatchObject({ loadedAt: expect.any(Date) }),
  )

const toolCalls = (gatewayId: number) =>
  ctx.db.execute<Record<string, unknown>>(sql`
    select t.name, c.tool_call_id, c.session_key, c.agent, c.duration_ms, c.ok, c.error, c.exit_code, c.source
    from gateway_tool_calls c join gateway_tools t on t.id = c.tool_id
    where c.gateway_id = ${gatewayId} order by c.ended_at`)

describe('gateway insights on the watcher connection', () => {
  it('records finished tool calls with duration and outcome, rolled up per hour, and the timeline', async () => {
    const { fake, gateway, key } = await watchedGateway('tools')
    watched.pool('worker-a', insights())
    await loaded(gateway.id)
    fake.runTool(key, { tool: 'exec', durationMs: 1200, exitCode: 0 })
    fake.runTool(key, { tool: 'read', durationMs: 40, ok: false, error: 'File not found' })
    const calls = await eventually(async () => {
      const rows = await toolCalls(gateway.id)
      expect(rows).toHaveLength(2)
      return rows
    })
    expect(calls).toEqual([
      expect.objectContaining({
        name: 'exec',
        session_key: key,
        agent: 'main',
        duration_ms: 1200,
        ok: true,
        exit_code: 0,
        source: 'event',
      }),
      expect.objectContaining({
        name: 'read',
        duration_ms: 40,
        ok: false,
        error: 'File not found',
        source: 'event',
      }),
    ])
    expect(String(calls[0]?.tool_call_id)).toMatch(/^sha256:[0-9a-f]{64}$/)

    await toolRollup(ctx).process(noJob)
    const hours = await ctx.db.execute<Record<string, unknown>>(sql`
      select t.name, h.calls, h.failures, h.p50_ms, h.p95_ms, h.max_ms
      from gateway_tool_hourly h join gateway_tools t on t.id = h.tool_id
      where t.gateway_id = ${gateway.id} order by t.name`)
    expect(hours).toEqual([
      { name: 'exec', calls: 1, failures: 0, p50_ms: 1200, p95_ms: 1200, max_ms: 1200 },
      { name: 'read', calls: 1, failures: 1, p50_ms: 40, p95_ms: 40, max_ms: 40 },
    ])

    const timeline = await eventually(async () => {
      const rows = await ctx.db.execute<{ type: string; summary: string; sampled: boolean }>(sql`
        select type, summary, sampled from gateway_events where gateway_id = ${gateway.id} and type like 'agent:%'
        order by id`)
      expect(rows.length).toBeGreaterThanOrEqual(6)
      return rows
    })
    expect(timeline).toContainEqual({ type: 'agent:item', summary: 'tool read end failed', sampled: false })
    expect(timeline.map((row) => row.summary).join(' ')).not.toContain('File not found')
  })

  it('backfills the calls made while nobody watched from the audit ledger, once', async () => {
    const { fake, gateway, key } = await watchedGateway('backfill')
    const first = watched.pool('worker-a', insights())
    await loaded(gateway.id)
    fake.runTool(key, { tool: 'exec', durationMs: 10 })
    await eventually(async () => expect(await toolCalls(gateway.id)).toHaveLength(1))
    await first.stop()

    fake.runTool(key, { tool: 'read', durationMs: 20 })
    fake.runTool(key, { tool: 'write', durationMs: 30, ok: false })
    watched.pool('worker-b', insights())
    const calls = await eventually(async () => {
      const rows = await toolCalls(gateway.id)
      expect(rows).toHaveLength(3)
      return rows
    })
    expect(calls.sort((a, b) => String(a.name).localeCompare(String(b.name)))).toEqual([
      expect.objectContaining({ name: 'exec', source: 'event' }),
      expect.objectContaining({ name: 'read', duration_ms: 20, ok: true, source: 'audit' }),
      expect.objectContaining({
        name: 'write',
        duration_ms: 30,
        ok: false,
        error: 'tool_failed',
        source: 'audit',
      }),
    ])
    // A call seen live after the backfill is not stored twice, nor are the backfilled ones.
    fake.runTool(key, { tool: 'exec', durationMs: 5 })
    await eventually(async () => expect(await toolCalls(gateway.id)).toHaveLength(4))
  })

  it('counts failed handshakes from the gateway log per address, without the token anywhere', async () => {
    const lines: string[] = []
    const logger = createLogger({
      service: 'worker-test',
      level: 'debug',
      destination: { write: (line) => lines.push(line) },
    })
    const { fake, gateway } = await watchedGateway('guessed', { token: 'insight-secret-token-1234567890' })
    watched.pool('worker-a', { ...insights(), context: { logger } })
    // The first read finds the end of the log: what was logged before is not counted.
    await eventually(async () =>
      expect((await findReadCursor(ctx.db, gateway.id)).logCursor).toEqual(expect.any(Number)),
    )
    for (let i = 0; i < 2; i++) {
      await expect(
        connectGateway(fake.target({ token: 'wrong-guess-token' }), { clientVersion: 'test' }),
      ).rejects.toThrow()
    }
    const rows = await eventually(async () => {
      const counted = await ctx.db.execute<Record<string, unknown>>(sql`
        select address, reason, sum(count)::int as count from gateway_auth_failures where gateway_id = ${gateway.id}
        group by address, reason`)
      expect(counted[0]?.count).toBe(2)
      return counted
    })
    expect(rows).toEqual([{ address: '127.0.0.1', reason: 'token_mismatch', count: 2 }])
    const stored = JSON.stringify(
      await ctx.db.execute(sql`
        select (select json_agg(e) from gateway_events e) as events, (select json_agg(a) from gateway_auth_failures a) as failures`),
    )
    for (const text of [lines.join(''), stored]) {
      expect(text).not.toContain('insight-secret-token')
      expect(text).not.toContain('wrong-guess-token')
    }
  })

  it('stores usage per session and day only from fresh readings, asking again soon while it refreshes', async () => {
    const { fake, gateway, key } = await watchedGateway('usage', { usageRefreshMs: null })
    fake.setUsage(key, { inputTokens: 1200, outputTokens: 300, costUsd: 0.42 })
    // Polls are an hour apart: only the retries of a refreshing reading can bring the numbers in.
    watched.pool('worker-a', insights({ usagePollMs: 3_600_000, usageRetryMs: 50 }))
    await loaded(gateway.id)
    fake.clearRecords()
    // Readings while the gateway refreshes its cache answer zeros: none is stored.
    await eventually(() => expect(usageReadings(fake)).toBeGreaterThanOrEqual(2))
    expect(await usage(gateway.id)).toEqual([])
    fake.settleUsage()
    const today = new Date().toISOString().slice(0, 10)
    await eventually(async () =>
      expect(await usage(gateway.id)).toEqual([
        { day: today, session_key: key, input_tokens: '1200', output_tokens: '300', cost_usd: 0.42 },
      ]),
    )
  })

  it('logs a failing poller once and keeps mirroring the sessions', async () => {
    const lines: string[] = []
    const logger = createLogger({
      service: 'worker-test',
      level: 'debug',
      destination: { write: (line) => lines.push(line) },
    })
    const { fake, gateway } = await watchedGateway('failing-log')
    // A cursor the gateway refuses: every read of its log fails.
    await saveLogCursor(ctx.db, gateway.id, -5)
    watched.pool('worker-a', { ...insights(), context: { logger } })
    await loaded(gateway.id)
    await eventually(() =>
      expect(
        fake.records.requests.filter((request) => request.method === 'logs.tail').length,
      ).toBeGreaterThanOrEqual(3),
    )
    const { key } = fake.createSession()
    await eventually(async () => expect((await watched.sessions(gateway.id)).has(key)).toBe(true))
    const warnings = lines.filter(
      (line) => line.includes('reading the gateway log failed') && line.includes('"level":40'),
    )
    expect(warnings).toHaveLength(1)
    expect(fake.records.closes).toEqual([])
  })

  it('keeps a flooding gateway’s timeline sampled beyond its rate, with the count', async () => {
    const { fake, gateway } = await watchedGateway('flood')
    watched.pool('worker-a', insights({ eventsPerMinute: 10 }))
    await loaded(gateway.id)
    fake.emitAgentEvents(300)
    const rows = await eventually(async () => {
      const stored = await ctx.db.execute<{ sampled: boolean; rows: number; events: number }>(sql`
        select sampled, count(*)::int as rows, sum(count)::int as events from gateway_events
        where gateway_id = ${gateway.id} and type = 'agent:item' group by sampled order by sampled`)
      expect(stored.reduce((sum, row) => sum + row.events, 0)).toBe(300)
      return stored
    })
    const kept = rows.find((row) => !row.sampled)
    const sampled = rows.find((row) => row.sampled)
    expect(kept?.rows ?? 0).toBeLessThanOrEqual(10)
    // One row per minute the events fell in (the burst may straddle a minute).
    expect(sampled?.rows).toBeLessThanOrEqual(2)
    expect(sampled?.events).toBeGreaterThanOrEqual(290)
  })
})

/** The `sessions.usage` requests the fake got since its records were cleared. */
const usageReadings = (fake: FakeGateway) =>
  fake.records.requests.filter((request) => request.method === 'sessions.usage').length

const usage = (gatewayId: number) =>
  ctx.db.execute<Record<string, unknown>>(sql`
    select day::text, session_key, input_tokens, output_tokens, cost_usd from gateway_usage
    where gateway_id = ${gatewayId} order by day, session_key`)
