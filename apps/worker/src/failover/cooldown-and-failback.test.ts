import { listFailovers } from '@mc/db'
import { describe, expect, it } from 'vitest'
import { useStandbyFleet } from '../testing/standby-fleet.ts'
import { useWorkerContext } from '../testing/worker-context.ts'

const FAILOVER_AFTER = 2
const FAILBACK_AFTER = 2
const ctx = useWorkerContext({
  FAILOVER_AFTER: String(FAILOVER_AFTER),
  FAILOVER_COOLDOWN_S: '600',
  FAILBACK_AFTER: String(FAILBACK_AFTER),
})
const fleet = useStandbyFleet(ctx)
const probe = fleet.prober()

/** A primary and its standby, probed once; then the primary stops answering and fails over. */
async function failedOver() {
  const primary = await fleet.gateway('main', { primary: true })
  const standby = await fleet.gateway('standby', { priority: 1 })
  await probe([primary, standby])
  primary.fake.setMode('close-mid-handshake')
  await probe([primary, standby], FAILOVER_AFTER)
  expect(await fleet.primary()).toBe('standby')
  return { primary, standby }
}

describe('failover cooldown', () => {
  it('keeps a second automatic failover from happening within FAILOVER_COOLDOWN_S; without one it happens', async () => {
    const { primary, standby } = await failedOver()
    const reserve = await fleet.gateway('reserve', { priority: 2 })
    await probe([reserve])
    await standby.fake.stop()
    await probe([primary, standby, reserve], FAILOVER_AFTER + 2)
    expect(await fleet.primary()).toBe('standby')
    expect(await listFailovers(ctx.db, 10)).toHaveLength(1)

    await fleet.prober({ FAILOVER_COOLDOWN_S: 0 })([primary, standby, reserve])
    expect(await fleet.primary()).toBe('reserve')
    expect((await listFailovers(ctx.db, 10)).map((f) => [f.kind, f.fromName, f.toName])).toEqual([
      ['failover', 'standby', 'reserve'],
      ['failover', 'main', 'standby'],
    ])
  })
})

describe('failback', () => {
  it('returns the role to the former primary after FAILBACK_AFTER online probes in a row', async () => {
    const { primary, standby } = await failedOver()
    primary.fake.setMode('normal')
    await probe([primary, standby], FAILBACK_AFTER - 1)
    expect(await fleet.primary()).toBe('standby')

    await probe([primary, standby])
    expect(await fleet.primary()).toBe('main')
    const [failback] = await listFailovers(ctx.db, 1)
    expect(failback).toMatchObject({
      kind: 'failback',
      fromName: 'standby',
      toName: 'main',
      automatic: true,
      actor: 'system',
    })
    const moves = (await fleet.loggedEvents()).filter((event) => event.type === 'gateway.failover')
    expect(moves).toMatchObject([
      { from_id: primary.id, to_id: standby.id },
      { from_id: standby.id, to_id: primary.id, reason: failback?.reason },
    ])
  })

  it('never fails back with FAILBACK_AFTER 0', async () => {
    const { primary, standby } = await failedOver()
    primary.fake.setMode('normal')
    await fleet.prober({ FAILBACK_AFTER: 0 })([primary, standby], FAILBACK_AFTER + 3)
    expect(await fleet.primary()).toBe('standby')
    expect(await listFailovers(ctx.db, 10)).toHaveLength(1)
  })
})
