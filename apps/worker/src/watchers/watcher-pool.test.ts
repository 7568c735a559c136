import { findWatcherStatus, type GatewayRow } from '@mc/db'
import type { FakeGateway } from '@mc/openclaw/fake'
import { eventually } from '@mc/testing'
import { sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { useWatchedGateways } from '../testing/watched-gateways.ts'
import { useWorkerContext } from '../testing/worker-context.ts'
import { watcherLeaseKey } from './watcher-leases.ts'
import type { WatcherPool } from './watcher-pool.ts'

// A killed worker's gateways are taken over within two probe intervals: 10 s here.
const ctx = useWorkerContext({ PROBE_INTERVAL_S: '5' })
const watched = useWatchedGateways(ctx)
const GATEWAYS = 100

/** The worker holding each gateway's lease. */
const leaseHolders = (gateways: GatewayRow[]) =>
  ctx.redis.mget(...gateways.map((gateway) => watcherLeaseKey(ctx.config.REDIS_PREFIX, gateway.id)))

async function fleet(count: number) {
  const fake = await watched.fake({ sessions: 2 })
  const gateways: GatewayRow[] = []
  for (let i = 0; i < count; i++) gateways.push(await watched.gateway(`g${i}`, fake))
  return { fake, gateways }
}

/** Every gateway watched once, by the pools between them, each by the worker holding its lease. */
async function splitSettled(gateways: GatewayRow[], pools: WatcherPool[]) {
  await eventually(async () => {
    const watching = pools.flatMap((pool) => pool.watching())
    expect(watching.sort((a, b) => a - b)).toEqual(gateways.map((gateway) => gateway.id))
    const holders = await leaseHolders(gateways)
    for (const pool of pools) {
      for (const id of pool.watching()) {
        expect(holders[gateways.findIndex((gateway) => gateway.id === id)]).toBe(pool.workerId)
      }
    }
  })
}

/**
 * Per gateway: the worker its status names, whether that worker loaded it, whether its log was
 * read, and how many sessions are stored.
 */
async function watcherRecords() {
  const rows = await ctx.db.execute<{
    id: number
    worker: string
    loaded: boolean
    read: boolean
    n: number
  }>(sql`
    select g.id, w.worker_id as worker, w.status = 'watching' and w.loaded_at is not null as loaded,
      c.log_cursor is not null as read,
      (select count(*) from gateway_sessions s where s.gateway_id = g.id)::int as n
    from gateways g
    left join gateway_watchers w on w.gateway_id = g.id
    left join gateway_read_cursors c on c.gateway_id = g.id
    order by g.id`)
  return rows.map((row) => ({ ...row }))
}

async function expectedRecords(gateways: GatewayRow[], fake: FakeGateway) {
  const holders = await leaseHolders(gateways)
  const sessions = fake.sessionRows().length
  return gateways.map((gateway, i) => ({
    id: gateway.id,
    worker: holders[i],
    loaded: true,
    read: true,
    n: sessions,
  }))
}

describe('watcher pool', () => {
  it('splits the gateways between two workers, and the survivor takes all over when one dies', {
    timeout: 90_000,
  }, async () => {
    const { fake, gateways } = await fleet(GATEWAYS)
    const a = watched.pool('worker-a')
    const b = watched.pool('worker-b')

    // The first to look may take everything for a moment, until it sees the other.
    await eventually(() => {
      expect(a.watching().length).toBeGreaterThan(0)
      expect(b.watching().length).toBeGreaterThan(0)
    })
    await splitSettled(gateways, [a, b])
    // One connection per gateway: nobody watches twice.
    await eventually(() => expect(fake.connectionCount).toBe(GATEWAYS))
    // What the watchers started together wrote in shared statements: each gateway's own, in full.
    await eventually(async () =>
      expect(await watcherRecords()).toEqual(await expectedRecords(gateways, fake)),
    )

    // A crash: its leases and membership stay behind until they run out.
    await b.stop({ abandon: true })
    await splitSettled(gateways, [a])
    await eventually(async () => {
      expect(await leaseHolders(gateways)).toEqual(gateways.map(() => 'worker-a'))
      expect(fake.connectionCount).toBe(GATEWAYS)
    })
    await eventually(async () =>
      expect((await findWatcherStatus(ctx.db, gateways[0]?.id ?? 0))?.workerId).toBe('worker-a'),
    )
  })

  it('gives a joining worker its share', { timeout: 90_000 }, async () => {
    const { fake, gateways } = await fleet(GATEWAYS)
    const a = watched.pool('worker-a')
    await splitSettled(gateways, [a])

    const b = watched.pool('worker-b')
    // Both end up with a share. On a loaded machine a worker that missed renewing its membership
    // (5 s here) loses its gateways to the other for a moment, then takes its share back.
    await eventually(() => {
      expect(b.watching().length).toBeGreaterThan(0)
      expect(a.watching().length).toBeGreaterThan(0)
    })
    await splitSettled(gateways, [a, b])
    await eventually(() => expect(fake.connectionCount).toBe(GATEWAYS))
  })

  it('follows gateways added, token cleared and token changed', async () => {
    const { fake, gateways } = await fleet(1)
    const [first] = gateways as [GatewayRow]
    const a = watched.pool('worker-a')
    await splitSettled(gateways, [a])

    const other = await watched.fake({ token: 'another-token' })
    const added = await watched.gateway('added', other)
    await eventually(() => expect(a.watching()).toEqual([first.id, added.id]))

    await ctx.db.execute(sql`update gateways set token = null where id = ${first.id}`)
    await eventually(async () => {
      expect(a.watching()).toEqual([added.id])
      expect(fake.connectionCount).toBe(0)
      expect(await findWatcherStatus(ctx.db, first.id)).toBeUndefined()
    })

    // The same gateway moves to the first fake (address and token): its watcher starts over there.
    const connects = fake.records.connects.length
    await ctx.db.execute(
      sql`update gateways set port = ${fake.port}, token = ${ctx.tokenCipher.encrypt(fake.token)} where id = ${added.id}`,
    )
    await eventually(() => {
      expect(fake.records.connects.length).toBeGreaterThan(connects)
      expect(fake.connectionCount).toBe(1)
      expect(other.connectionCount).toBe(0)
    })
  })
})
