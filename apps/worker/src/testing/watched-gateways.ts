import { createGateway, type GatewayRow, type GatewaySessionRow, listSessions } from '@mc/db'
import { type FakeGateway, type FakeGatewayOptions, startFakeGateway } from '@mc/openclaw/fake'
import { eventLogKey } from '@mc/runtime'
import type { McEvent } from '@mc/shared'
import { sql } from 'drizzle-orm'
import { afterEach } from 'vitest'
import { type WatcherSettings, watcherSettings } from '../watchers/gateway-watcher.ts'
import { startWatcherPool, type WatcherPool, type WatcherTiming } from '../watchers/watcher-pool.ts'
import type { WorkerContext } from '../worker-context.ts'

/** Quick flushes and reconnects, so tests wait for little; the rest as a worker would run. */
export const TEST_WATCHER_SETTINGS: Partial<WatcherSettings> = { flushMs: 50, backoffBaseMs: 100 }

/**
 * Gateways on fake servers, watched by watcher pools (workers) started on the test file's context.
 * After each test the pools stop, the fakes stop, and the registry, sessions, watcher leases and
 * event log are emptied.
 */
export function useWatchedGateways(ctx: WorkerContext) {
  const fakes: FakeGateway[] = []
  const pools: WatcherPool[] = []
  afterEach(async () => {
    await Promise.all(pools.splice(0).map((pool) => pool.stop()))
    await Promise.all(fakes.splice(0).map((fake) => fake.stop()))
    await ctx.db.execute(sql`truncate gateways cascade`)
    const keys = await ctx.redis.keys(`${ctx.config.REDIS_PREFIX}:watchers:*`)
    if (keys.length > 0) await ctx.redis.del(...keys)
    await ctx.redis.del(eventLogKey(ctx.config.REDIS_PREFIX))
  })

  return {
    async fake(options: FakeGatewayOptions = {}): Promise<FakeGateway> {
      const fake = await startFakeGateway({ token: 'watched-gateway-token', ...options })
      fakes.push(fake)
      return fake
    },

    /** A gateway registered with `fake`'s address and token. */
    gateway(name: string, fake: FakeGateway): Promise<GatewayRow> {
      return createGateway(ctx.db, {
        name,
        host: '127.0.0.1',
        port: fake.port,
        token: ctx.tokenCipher.encrypt(fake.token),
        isPrimary: false,
      })
    },

    /** A worker's watchers: `workerId` names it (pools of one test must differ). */
    pool(
      workerId = 'worker-a',
      options: {
        settings?: Partial<WatcherSettings>
        context?: Partial<WorkerContext>
        timing?: WatcherTiming
      } = {},
    ): WatcherPool {
      const pool = startWatcherPool(
        { ...ctx, ...options.context, workerId },
        {
          settings: { ...watcherSettings(ctx.config), ...TEST_WATCHER_SETTINGS, ...options.settings },
          timing: options.timing,
        },
      )
      pools.push(pool)
      return pool
    },

    /** A gateway's stored sessions by key, ended ones too. */
    async sessions(gatewayId: number): Promise<Map<string, GatewaySessionRow>> {
      const { rows } = await listSessions(ctx.db, { gatewayId, state: 'all' }, { limit: 10_000 })
      return new Map(rows.map((row) => [row.sessionKey, row]))
    },

    /** The `session.changed` events published so far (read from Redis, as the api does). */
    async sessionEvents(): Promise<Extract<McEvent, { type: 'session.changed' }>[]> {
      const entries = await ctx.redis.xrange(eventLogKey(ctx.config.REDIS_PREFIX), '-', '+')
      return entries
        .map(([, fields]) => JSON.parse(fields[1] ?? 'null') as McEvent)
        .filter((event) => event.type === 'session.changed')
    },
  }
}
