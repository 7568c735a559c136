import { applySessionRows, createGateway } from '@mc/db'
import { sessionRow } from '@mc/db/testing'
import { eventLogKey } from '@mc/runtime'
import type { McEvent } from '@mc/shared'
import type { Job } from 'bullmq'
import { sql } from 'drizzle-orm'
import { afterEach, describe, expect, it } from 'vitest'
import { useWorkerContext } from '../testing/worker-context.ts'
import { sessionRetention } from './session-retention.ts'
import { sessionSweep } from './session-sweep.ts'

const ctx = useWorkerContext()
const noJob = {} as Job

afterEach(async () => {
  await ctx.db.execute(sql`truncate gateways cascade`)
  await ctx.redis.del(eventLogKey(ctx.config.REDIS_PREFIX))
})

const row = (key: string, hasActiveRun: boolean) =>
  sessionRow(key, { hasActiveRun, runStatus: hasActiveRun ? 'running' : null, updatedAt: Date.now() })

async function gatewayWithSessions(name: string) {
  const gateway = await createGateway(ctx.db, {
    name,
    host: '127.0.0.1',
    port: 1,
    token: null,
    isPrimary: false,
  })
  const thresholds = { idleS: ctx.config.SESSION_IDLE_S, stuckS: ctx.config.SESSION_STUCK_S }
  await applySessionRows(ctx.db, gateway.id, [row('waiting', false), row('running', true)], thresholds)
  return gateway
}

const states = async () => {
  const rows = await ctx.db.execute<{ session_key: string; state: string }>(
    sql`select session_key, state from gateway_sessions order by session_key`,
  )
  return Object.fromEntries(rows.map((r) => [r.session_key, r.state]))
}

describe('session sweep', () => {
  it('moves sessions past their thresholds to idle and stuck, announced per gateway', async () => {
    const gateway = await gatewayWithSessions('swept')
    expect(await states()).toEqual({ running: 'active', waiting: 'ready' })
    await sessionSweep(ctx).process(noJob)
    expect(await ctx.redis.xlen(eventLogKey(ctx.config.REDIS_PREFIX))).toBe(0)

    await ctx.db.execute(sql`update gateway_sessions set last_activity_at = now() - interval '1 hour'`)
    expect(await sessionSweep(ctx).process(noJob)).toEqual({ moved: 2 })
    expect(await states()).toEqual({ running: 'stuck', waiting: 'idle' })
    const entries = await ctx.redis.xrange(eventLogKey(ctx.config.REDIS_PREFIX), '-', '+')
    const events = entries.map(([, fields]) => JSON.parse(fields[1] ?? 'null') as McEvent)
    expect(events).toEqual([
      expect.objectContaining({ type: 'session.changed', gateway_id: gateway.id, count: 2 }),
    ])
  })

  it('deletes sessions that ended longer ago than SESSION_RETENTION_DAYS', async () => {
    await gatewayWithSessions('pruned')
    await ctx.db.execute(sql`
      update gateway_sessions set state = 'ended', ended_at = now() - interval '31 days'
      where session_key = 'waiting'`)
    expect(await sessionRetention(ctx).process(noJob)).toEqual({ deleted: 1 })
    expect(await states()).toEqual({ running: 'active' })
  })
})
