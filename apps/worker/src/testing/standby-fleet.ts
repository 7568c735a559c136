import { createGateway, type GatewayRow, listGateways } from '@mc/db'
import { type FakeGateway, type FakeGatewayOptions, startFakeGateway } from '@mc/openclaw/fake'
import { eventLogKey } from '@mc/runtime'
import type { McEvent } from '@mc/shared'
import type { Job } from 'bullmq'
import { sql } from 'drizzle-orm'
import { afterEach } from 'vitest'
import type { WorkerConfig } from '../config.ts'
import { probeGatewayJob } from '../jobs/probe-gateway.ts'
import type { WorkerContext } from '../worker-context.ts'

export interface FleetGateway extends GatewayRow {
  fake: FakeGateway
}

/**
 * Registered gateways on real fake servers, probed through the probe job, for failover tests.
 * Each test starts with an empty registry, failover log, audit log and event log: there is one
 * primary, and the cooldown looks at every move.
 */
export function useStandbyFleet(ctx: WorkerContext) {
  const fakes: FakeGateway[] = []
  afterEach(async () => {
    await Promise.all(fakes.splice(0).map((fake) => fake.stop()))
    await ctx.db.execute(sql`truncate gateways, gateway_failovers, audit_log, incidents cascade`)
    await ctx.redis.del(eventLogKey(ctx.config.REDIS_PREFIX))
  })

  return {
    /** A gateway on its own fake server: the primary, a standby (`priority`), or neither. */
    async gateway(
      name: string,
      options: { primary?: boolean; priority?: number; fake?: FakeGatewayOptions } = {},
    ): Promise<FleetGateway> {
      const fake = await startFakeGateway({ token: `${name}-token`, ...options.fake })
      fakes.push(fake)
      const row = await createGateway(ctx.db, {
        name,
        host: '127.0.0.1',
        port: fake.port,
        token: ctx.tokenCipher.encrypt(fake.token),
        isPrimary: options.primary ?? false,
        failoverPriority: options.priority ?? null,
      })
      return { ...row, fake }
    },

    /**
     * Probes the gateways `times` times, one sweep after the other, as a worker with these settings
     * would (failover decisions included); each sweep returns once its decisions are made. The
     * job is made at the first probe: the context is filled in by then.
     */
    prober(settings: Partial<WorkerConfig> = {}) {
      let job: ReturnType<typeof probeGatewayJob> | undefined
      return async (gateways: { id: number }[], times = 1) => {
        job ??= probeGatewayJob({ ...ctx, config: { ...ctx.config, ...settings } })
        for (let n = 0; n < times; n++)
          await job.process({
            data: { gateway_ids: gateways.map((g) => g.id), reason: 'scheduled' },
          } as Job)
      }
    },

    /** The name of the primary gateway now. */
    primary: async () => (await listGateways(ctx.db)).find((gateway) => gateway.isPrimary)?.name,

    /** What this test published on the event log (read from Redis, as the api does). */
    async loggedEvents(): Promise<McEvent[]> {
      const entries = await ctx.redis.xrange(eventLogKey(ctx.config.REDIS_PREFIX), '-', '+')
      return entries.map(([, fields]) => JSON.parse(fields[1] ?? 'null') as McEvent)
    },
  }
}
