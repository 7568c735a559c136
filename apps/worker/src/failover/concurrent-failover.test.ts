import { closeDb, createDb, decideFailover, listFailovers } from '@mc/db'
import { describe, expect, it } from 'vitest'
import { failoverPolicy } from '../jobs/failover-decider.ts'
import { useStandbyFleet } from '../testing/standby-fleet.ts'
import { useWorkerContext } from '../testing/worker-context.ts'

// The probes themselves never fail over here: the decisions below are the only ones.
const ctx = useWorkerContext({ FAILOVER_AFTER: '100' })
const fleet = useStandbyFleet(ctx)
const probe = fleet.prober()
const FAILOVER_AFTER = 3

describe('concurrent failover decisions', () => {
  it('10 workers deciding at once, each on its own connection, make exactly one move', async () => {
    const primary = await fleet.gateway('main', { primary: true })
    const first = await fleet.gateway('first', { priority: 1 })
    const second = await fleet.gateway('second', { priority: 2 })
    await probe([primary, first, second])
    await primary.fake.stop()
    await probe([primary], FAILOVER_AFTER)

    const policy = { ...failoverPolicy(ctx.config), failoverAfter: FAILOVER_AFTER }
    const pools = Array.from({ length: 10 }, () => createDb(ctx.config.DATABASE_URL, { max: 1 }))
    try {
      const outcomes = await Promise.all(pools.map((db) => decideFailover(db, policy)))
      expect(outcomes.filter((outcome) => outcome !== null)).toHaveLength(1)
    } finally {
      await Promise.all(pools.map(closeDb))
    }
    expect(await fleet.primary()).toBe('first')
    expect((await listFailovers(ctx.db, 10)).map((f) => [f.kind, f.fromName, f.toName])).toEqual([
      ['failover', 'main', 'first'],
    ])
  })
})
