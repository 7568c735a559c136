import { findWatcherStatus } from '@mc/db'
import { createLogger } from '@mc/runtime'
import { eventually } from '@mc/testing'
import { sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { useWatchedGateways } from '../testing/watched-gateways.ts'
import { useWorkerContext } from '../testing/worker-context.ts'

const ctx = useWorkerContext({ PROBE_INTERVAL_S: '5' })
const watched = useWatchedGateways(ctx)
const MINUTE_MS = 60_000

const watchedAndLoaded = (gatewayId: number) =>
  eventually(async () =>
    expect(await findWatcherStatus(ctx.db, gatewayId)).toMatchObject({
      workerId: 'worker-a',
      status: 'watching',
      loadedAt: expect.any(Date),
    }),
  )

describe('gateway watcher', () => {
  it('loads every session of a gateway, page by page, and announces them in one event', async () => {
    const fake = await watched.fake({ sessions: 150 })
    const gateway = await watched.gateway('big', fake)
    watched.pool()

    const sessions = await eventually(async () => {
      const stored = await watched.sessions(gateway.id)
      expect(stored.size).toBe(150)
      return stored
    })
    expect([...sessions.keys()].sort()).toEqual(
      fake
        .sessionRows()
        .map((row) => row.key)
        .sort(),
    )
    const offsets = fake.records.requests
      .filter((request) => request.method === 'sessions.list')
      .map((request) => (request.params as { offset: number }).offset)
    expect(offsets).toEqual([0, 100])
    await watchedAndLoaded(gateway.id)
    const [event] = await eventually(async () => {
      const events = await watched.sessionEvents()
      expect(events).toHaveLength(1)
      return events
    })
    expect(event).toMatchObject({ gateway_id: gateway.id, count: 150 })
    expect(event?.sessions).toHaveLength(50)
  })

  it('follows a session created, run and ended on the gateway', async () => {
    const fake = await watched.fake()
    const gateway = await watched.gateway('live', fake)
    watched.pool()
    await watchedAndLoaded(gateway.id)

    const { key } = fake.createSession({ label: 'new one' })
    await eventually(async () =>
      expect((await watched.sessions(gateway.id)).get(key)).toMatchObject({
        label: 'new one',
        state: 'ready',
      }),
    )
    fake.startRun(key)
    await eventually(async () =>
      expect((await watched.sessions(gateway.id)).get(key)).toMatchObject({
        state: 'active',
        hasActiveRun: true,
        runStatus: 'running',
      }),
    )
    fake.endRun(key, { inputTokens: 1200, outputTokens: 80, costUsd: 0.5 })
    await eventually(async () =>
      expect((await watched.sessions(gateway.id)).get(key)).toMatchObject({
        state: 'ready',
        hasActiveRun: false,
        runStatus: 'done',
        inputTokens: 1200,
        outputTokens: 80,
        estimatedCostUsd: 0.5,
      }),
    )
    const events = await watched.sessionEvents()
    expect(events.every((event) => event.gateway_id === gateway.id)).toBe(true)
    expect(events.flatMap((event) => event.sessions.map((session) => session.state))).toEqual(
      expect.arrayContaining(['ready', 'active']),
    )
  })

  it('flags sessions idle or stuck by the gateway’s own thresholds', async () => {
    const fake = await watched.fake()
    const quiet = fake.createSession({ label: 'quiet', updatedAt: Date.now() - MINUTE_MS })
    const busy = fake.createSession({ label: 'busy' })
    fake.startRun(busy.key, { at: Date.now() - MINUTE_MS })
    const fresh = fake.createSession({ label: 'fresh' })
    const gateway = await watched.gateway('thresholds', fake)
    await ctx.db.execute(
      sql`update gateways set session_idle_s = 5, session_stuck_s = 5 where id = ${gateway.id}`,
    )
    watched.pool()

    await eventually(async () => {
      const stored = await watched.sessions(gateway.id)
      expect(stored.get(quiet.key)?.state).toBe('idle')
      expect(stored.get(busy.key)?.state).toBe('stuck')
      expect(stored.get(fresh.key)?.state).toBe('ready')
    })
  })

  it('ends a session removed from the gateway at the next full reload', async () => {
    const fake = await watched.fake({ sessions: 3 })
    const gateway = await watched.gateway('pruned', fake)
    watched.pool('worker-a', { settings: { fullReloadMs: 200 } })
    await eventually(async () => expect((await watched.sessions(gateway.id)).size).toBe(3))

    const [gone, kept] = fake.sessionRows()
    fake.removeSession(gone?.key ?? '')
    await eventually(async () => {
      const stored = await watched.sessions(gateway.id)
      expect(stored.get(gone?.key ?? '')).toMatchObject({ state: 'ended', endedAt: expect.any(Date) })
      expect(stored.get(kept?.key ?? '')?.state).toBe('ready')
    })
  })

  it('reloads the recently active sessions on a keyless update', async () => {
    const fake = await watched.fake({ sessions: 2 })
    const gateway = await watched.gateway('updated', fake)
    watched.pool()
    await watchedAndLoaded(gateway.id)
    const reloads = () =>
      fake.records.requests.filter(
        (request) =>
          request.method === 'sessions.list' &&
          (request.params as { activeMinutes?: number }).activeMinutes !== undefined,
      )
    expect(reloads()).toEqual([])

    fake.emitSessionsUpdate('main')
    const [reload] = await eventually(() => {
      expect(reloads()).toHaveLength(1)
      return reloads()
    })
    expect(reload?.params).toMatchObject({ activeMinutes: expect.any(Number) })
  })

  it('reconnects after the gateway restarts and catches up with what changed meanwhile', async () => {
    const fake = await watched.fake({ sessions: 2 })
    const gateway = await watched.gateway('restarting', fake)
    watched.pool()
    await eventually(async () => expect((await watched.sessions(gateway.id)).size).toBe(2))

    const [gone, kept] = fake.sessionRows()
    fake.shutdown()
    // While the watcher is away (it cannot be back within this synchronous stretch):
    fake.removeSession(gone?.key ?? '')
    const added = fake.createSession({ label: 'while away' })

    await eventually(async () => {
      const stored = await watched.sessions(gateway.id)
      expect(stored.get(gone?.key ?? '')?.state).toBe('ended')
      expect(stored.get(kept?.key ?? '')?.state).toBe('ready')
      expect(stored.get(added.key)?.label).toBe('while away')
    })
    expect(fake.records.connects.length).toBeGreaterThanOrEqual(2)
    await watchedAndLoaded(gateway.id)
  })

  it('never writes a token to the logs or to Redis, also when the token stops working', async () => {
    const lines: string[] = []
    const logger = createLogger({
      service: 'worker-test',
      level: 'debug',
      destination: { write: (line) => lines.push(line) },
    })
    const fake = await watched.fake({ token: 'first-secret-token-1234567890', sessions: 2 })
    const gateway = await watched.gateway('secretive', fake)
    watched.pool('worker-a', { context: { logger } })
    await watchedAndLoaded(gateway.id)

    fake.setToken('second-secret-token-0987654321')
    fake.shutdown()
    await eventually(async () =>
      expect(await findWatcherStatus(ctx.db, gateway.id)).toMatchObject({
        status: 'reconnecting',
        error: expect.stringContaining('token'),
      }),
    )
    await eventually(() => expect(lines.join('')).toContain('gateway watcher lost its connection'))

    const stored = await redisValues()
    const status = JSON.stringify(await findWatcherStatus(ctx.db, gateway.id))
    for (const text of [lines.join(''), stored, status]) {
      expect(text).not.toContain('first-secret-token')
      expect(text).not.toContain('second-secret-token')
    }
  })

  it('waits for a new token once the gateway refuses the stored one, and connects with it once stored', async () => {
    // Refusals answered at once, so that a watcher asking again would be seen asking again.
    const fake = await watched.fake({
      token: 'the-token-before-a-rotation',
      sessions: 1,
      rejectDelayScale: 0,
    })
    const gateway = await watched.gateway('rotated', fake)
    watched.pool('worker-a')
    await watchedAndLoaded(gateway.id)

    // Changed on the gateway by its owner; every login with the stored token now fails.
    fake.setToken('the-token-after-the-rotation')
    await eventually(async () =>
      expect((await findWatcherStatus(ctx.db, gateway.id))?.error).toContain('waiting for a new token'),
    )
    const refused = fake.records.connects.length
    // Two announcements of the worker later (its pool ticks, ≥ 2.5 s here), it has not asked again:
    // a backoff of 100 ms would have.
    const announced = () => ctx.redis.zscore(`${ctx.config.REDIS_PREFIX}:watchers:members`, 'worker-a')
    for (let tick = 0; tick < 2; tick++) {
      const before = Number(await announced())
      await eventually(async () => expect(Number(await announced())).toBeGreaterThan(before))
    }
    expect(fake.records.connects.length).toBe(refused)

    // The new token stored (a promotion, an edit): the watcher connects with it, not after its wait.
    await ctx.db.execute(
      sql`update gateways set token = ${ctx.tokenCipher.encrypt('the-token-after-the-rotation')} where id = ${gateway.id}`,
    )
    await eventually(async () =>
      expect(await findWatcherStatus(ctx.db, gateway.id)).toMatchObject({ status: 'watching', error: null }),
    )
    expect(fake.records.connects.length).toBe(refused + 1)
  })

  it('throttles and flags a gateway that floods events, while another one’s sessions still come in', async () => {
    const flooding = await watched.fake({ sessions: 20 })
    const calm = await watched.fake()
    const loud = await watched.gateway('loud', flooding)
    const quiet = await watched.gateway('quiet', calm)
    watched.pool('worker-a', { settings: { floodWindowMs: 1000, floodLimit: 200, maxPendingRows: 10 } })
    await watchedAndLoaded(loud.id)
    await watchedAndLoaded(quiet.id)

    const keys = flooding.sessionRows().map((row) => row.key)
    for (let n = 0; n < 3000; n++) {
      if (n % 2 === 0) flooding.emitEvent('agent', { stream: 'assistant', seq: n })
      else flooding.touchSession(keys[(n >> 1) % keys.length] ?? '')
    }
    const created = calm.createSession({ label: 'still seen' })

    await eventually(async () => {
      expect((await findWatcherStatus(ctx.db, loud.id))?.throttledSince).toEqual(expect.any(Date))
      expect((await watched.sessions(quiet.id)).get(created.key)?.label).toBe('still seen')
    })
    expect((await findWatcherStatus(ctx.db, quiet.id))?.throttledSince).toBeNull()
    // More rows than it may hold: the rest are dropped, and a reload asked for instead.
    await eventually(() =>
      expect(
        flooding.records.requests.some(
          (request) => (request.params as { activeMinutes?: number }).activeMinutes !== undefined,
        ),
      ).toBe(true),
    )
    // Quiet again: no longer throttled.
    await eventually(async () =>
      expect((await findWatcherStatus(ctx.db, loud.id))?.throttledSince).toBeNull(),
    )
  })
})

/** Every value stored under the test's Redis prefix, as text. */
async function redisValues(): Promise<string> {
  const keys = await ctx.redis.keys(`${ctx.config.REDIS_PREFIX}:*`)
  const values = await Promise.all(
    keys.map(async (key) => {
      const type = await ctx.redis.type(key)
      if (type === 'string') return ctx.redis.get(key)
      if (type === 'zset') return ctx.redis.zrange(key, 0, -1)
      if (type === 'hash') return ctx.redis.hgetall(key)
      if (type === 'list') return ctx.redis.lrange(key, 0, -1)
      if (type === 'stream') return ctx.redis.xrange(key, '-', '+')
      return ctx.redis.smembers(key)
    }),
  )
  return JSON.stringify([keys, values])
}
