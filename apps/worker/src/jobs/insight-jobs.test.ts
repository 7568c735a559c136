import { createGateway, recordGatewayEvents, recordToolCalls } from '@mc/db'
import { finishedToolCall } from '@mc/db/testing'
import type { Job } from 'bullmq'
import { sql } from 'drizzle-orm'
import { afterEach, describe, expect, it } from 'vitest'
import { useWorkerContext } from '../testing/worker-context.ts'
import { insightRetention } from './insight-retention.ts'
import { toolRollup } from './tool-rollup.ts'

const ctx = useWorkerContext({ GATEWAY_EVENT_MAX_ROWS: '100', TOOL_CALL_RETENTION_DAYS: '3' })
const noJob = {} as Job

afterEach(async () => {
  await ctx.db.execute(sql`truncate gateways cascade`)
  await ctx.redis.del(`${ctx.config.REDIS_PREFIX}:tool-rollup:since`)
})

const gateway = (name: string) =>
  createGateway(ctx.db, { name, host: '127.0.0.1', port: 1, token: null, isPrimary: false })

const call = (id: string, endedAt: number, durationMs: number) =>
  finishedToolCall(id, { endedAt, durationMs })

const hourlyCalls = async () => {
  const [row] = await ctx.db.execute<{ calls: number }>(
    sql`select coalesce(sum(calls), 0)::int as calls from gateway_tool_hourly`,
  )
  return row?.calls
}

describe('insight jobs', () => {
  it('rolls up the calls recorded since its last run, keeping where it got to', async () => {
    const gw = await gateway('rolled')
    await recordToolCalls(ctx.db, gw.id, [call('a', Date.now() - 1000, 10)], 'event')
    expect(await toolRollup(ctx).process(noJob)).toEqual({ rows: 1 })
    expect(await hourlyCalls()).toBe(1)
    // Calls recorded before the watermark are not read again (the watermark trails by a minute).
    await ctx.redis.set(`${ctx.config.REDIS_PREFIX}:tool-rollup:since`, String(Date.now() + 60_000))
    await recordToolCalls(ctx.db, gw.id, [call('b', Date.now() - 1000, 20)], 'event')
    expect(await toolRollup(ctx).process(noJob)).toEqual({ rows: 0 })
    await ctx.redis.del(`${ctx.config.REDIS_PREFIX}:tool-rollup:since`)
    expect(await toolRollup(ctx).process(noJob)).toEqual({ rows: 1 })
    expect(await hourlyCalls()).toBe(2)
  })

  it('prunes by the configured retention and per-gateway cap', async () => {
    const gw = await gateway('pruned')
    await recordToolCalls(
      ctx.db,
      gw.id,
      [call('old', Date.now() - 4 * 86_400_000, 10), call('new', Date.now(), 10)],
      'event',
    )
    const events = Array.from({ length: 150 }, (_, i) => ({
      at: Date.now() - (150 - i) * 60_000,
      type: 'chat',
      sessionKey: null,
      agentId: null,
      runId: null,
      summary: `event ${i}`,
    }))
    await recordGatewayEvents(ctx.db, gw.id, events, 120)
    expect(await insightRetention(ctx).process(noJob)).toMatchObject({ toolCalls: 1, events: 50 })
    const [oldest] = await ctx.db.execute<{ summary: string }>(
      sql`select summary from gateway_events where gateway_id = ${gw.id} order by id limit 1`,
    )
    expect(oldest?.summary).toBe('event 50')
  })
})
