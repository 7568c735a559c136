import { createGateway, schema } from '@mc/db'
import type { Job } from 'bullmq'
import { sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { useWorkerContext } from '../testing/worker-context.ts'
import { probeRetention } from './probe-history.ts'

const ctx = useWorkerContext({ PROBE_RETENTION_DAYS: '7' })

describe('probe-retention job', () => {
  it('prunes raw probes and status flips older than PROBE_RETENTION_DAYS, keeping newer ones', async () => {
    const gw = await createGateway(ctx.db, {
      name: 'kept',
      host: 'h',
      port: 1,
      token: null,
      isPrimary: false,
    })
    const at = (days: number) => sql`now() - make_interval(days => ${days})`
    await ctx.db.insert(schema.gatewayProbes).values([
      { gatewayId: gw.id, status: 'online', probedAt: at(8) },
      { gatewayId: gw.id, status: 'online', probedAt: at(1) },
    ])
    await ctx.db.insert(schema.gatewayStatusChanges).values([
      { gatewayId: gw.id, oldStatus: 'unknown', newStatus: 'online', changedAt: at(8) },
      { gatewayId: gw.id, oldStatus: 'online', newStatus: 'offline', changedAt: at(1) },
    ])
    const result = await probeRetention(ctx).process({ data: {} } as Job)
    expect(result).toEqual({ raw: 1, hourly: 0, flips: 1 })
    const left = await ctx.db.select().from(schema.gatewayStatusChanges)
    expect(left.map((row) => row.newStatus)).toEqual(['offline'])
  })
})
