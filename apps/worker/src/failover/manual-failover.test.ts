import { FailoverRefused, failoverNow, listAudit } from '@mc/db'
import { describe, expect, it } from 'vitest'
import { failoverPolicy } from '../jobs/failover-decider.ts'
import { useStandbyFleet } from '../testing/standby-fleet.ts'
import { useWorkerContext } from '../testing/worker-context.ts'

const ctx = useWorkerContext()
const fleet = useStandbyFleet(ctx)
const probe = fleet.prober()
const byHand = (toId?: number) =>
  failoverNow(ctx.db, { toId, actor: 'alice', freshS: failoverPolicy(ctx.config).freshS })

/** A healthy primary, two healthy standbys and a gateway that is not one, all probed once. */
async function healthyFleet() {
  const gateways = {
    primary: await fleet.gateway('main', { primary: true }),
    second: await fleet.gateway('second', { priority: 2 }),
    first: await fleet.gateway('first', { priority: 1 }),
    other: await fleet.gateway('other'),
  }
  await probe(Object.values(gateways))
  return gateways
}

describe('failover by hand', () => {
  it('moves the role to the given online gateway, standby or not, and records who did it', async () => {
    const { primary, other } = await healthyFleet()
    const outcome = await byHand(other.id)
    expect(outcome.failover).toMatchObject({
      kind: 'manual',
      automatic: false,
      actor: 'alice',
      fromId: primary.id,
      toId: other.id,
    })
    expect(outcome.to).toMatchObject({ id: other.id, isPrimary: true })
    expect(outcome.from).toMatchObject({ id: primary.id, isPrimary: false, token: primary.token })
    expect(await fleet.primary()).toBe('other')
    expect((await listAudit(ctx.db, { action: 'gateway.failover', limit: 10 })).rows).toMatchObject([
      { actor: 'alice', detail: { from: { id: primary.id }, to: { id: other.id } } },
    ])
  })

  it('without a target, moves it to the best standby', async () => {
    const { first } = await healthyFleet()
    expect((await byHand()).to?.id).toBe(first.id)
    expect(await fleet.primary()).toBe('first')
  })

  it('refuses an offline target (409), the primary itself (409) and an unknown gateway (404)', async () => {
    const { primary, first } = await healthyFleet()
    await first.fake.stop()
    await probe([first])
    await expect(byHand(first.id)).rejects.toMatchObject({ name: 'FailoverRefused', status: 409 })
    await expect(byHand(primary.id)).rejects.toMatchObject({ status: 409 })
    const unknown = byHand(987_654)
    await expect(unknown).rejects.toBeInstanceOf(FailoverRefused)
    await expect(unknown).rejects.toMatchObject({ status: 404 })
    expect(await fleet.primary()).toBe('main')
  })
})
