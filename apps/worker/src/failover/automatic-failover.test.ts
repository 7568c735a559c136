import { sealChannelConfig } from '@mc/alerting'
import {
  createAlertChannel,
  createAlertRule,
  findGateway,
  listAudit,
  listFailovers,
  listIncidents,
  listProbes,
} from '@mc/db'
import { eventually } from '@mc/testing'
import { startHttpRecorder } from '@mc/testing/http-recorder'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { useAlertDeliveryRunner } from '../testing/alert-delivery-runner.ts'
import { useStandbyFleet } from '../testing/standby-fleet.ts'
import { useWorkerContext } from '../testing/worker-context.ts'

const FAILOVER_AFTER = 3
const receiver = await startHttpRecorder()
const ctx = useWorkerContext({
  FAILOVER_AFTER: String(FAILOVER_AFTER),
  PROBE_INTERVAL_S: '30',
  PROBE_TIMEOUT_MS: '4000',
  // No group wait: the failover notice goes out as soon as the delivery job runs.
  ALERT_GROUP_WAIT_S: '0',
  ALERT_RETRY_BASE_MS: '50',
})
const fleet = useStandbyFleet(ctx)
const probe = fleet.prober()

useAlertDeliveryRunner(ctx)
beforeAll(async () => {
  const hook = await createAlertChannel(ctx.db, {
    name: 'hook',
    type: 'webhook',
    enabled: true,
    ...sealChannelConfig('webhook', { url: receiver.url('/hook') }, ctx.tokenCipher),
  })
  // Every gateway: the incident is about the one the role moved away from.
  await createAlertRule(ctx.db, {
    name: 'primary moved',
    kind: 'failover',
    params: {},
    scopeGatewayIds: [],
    scopeAgentNames: [],
    channelIds: [hook.id],
    repeatEveryS: null,
    enabled: true,
  })
})
afterAll(() => receiver.close())

const failoverIncidentOf = (gatewayId: number) =>
  eventually(async () => {
    const { rows } = await listIncidents(ctx.db, { gatewayId, limit: 10 })
    expect(rows).toHaveLength(1)
    expect(rows[0]?.kind).toBe('failover')
    return rows[0]
  })

describe('automatic failover', () => {
  it('moves the primary role to the first healthy standby after FAILOVER_AFTER failed probes, not before, and tells everyone', async () => {
    const primary = await fleet.gateway('main', { primary: true })
    const firstInLine = await fleet.gateway('first-in-line', { priority: 1 })
    const standby = await fleet.gateway('standby', { priority: 2 })
    const bystander = await fleet.gateway('bystander')
    const all = [primary, firstInLine, standby, bystander]
    // The first in line is down: the next healthy standby takes over, never a gateway that is not one.
    await firstInLine.fake.stop()
    await probe(all)
    primary.fake.setMode('close-mid-handshake')

    await probe(all, FAILOVER_AFTER - 1)
    expect(await fleet.primary()).toBe('main')
    expect(await listFailovers(ctx.db, 10)).toEqual([])

    await probe(all)
    expect(await fleet.primary()).toBe('standby')
    const after = await findGateway(ctx.db, primary.id)
    expect(after).toMatchObject({
      name: 'main',
      token: primary.token,
      isPrimary: false,
      consecutiveFailures: FAILOVER_AFTER,
    })
    expect((await listProbes(ctx.db, { gatewayId: primary.id, limit: 10 })).rows).toHaveLength(
      FAILOVER_AFTER + 1,
    )

    const [failover, ...others] = await listFailovers(ctx.db, 10)
    expect(others).toEqual([])
    expect(failover).toMatchObject({
      fromId: primary.id,
      fromName: 'main',
      toId: standby.id,
      toName: 'standby',
      kind: 'failover',
      automatic: true,
      actor: 'system',
    })
    expect(failover?.reason).toContain(`main failed ${FAILOVER_AFTER} probes in a row`)

    const { rows: audit } = await listAudit(ctx.db, { action: 'gateway.failover', limit: 10 })
    expect(audit).toMatchObject([
      {
        actor: 'system',
        detail: {
          reason: failover?.reason,
          from: { id: primary.id, name: 'main' },
          to: { id: standby.id, name: 'standby' },
        },
      },
    ])

    // One publish: the move, then both gateways as they are now, so every cache sees the flag move.
    const events = await fleet.loggedEvents()
    const moved = events.findIndex((event) => event.type === 'gateway.failover')
    expect(events.slice(moved, moved + 3)).toMatchObject([
      { type: 'gateway.failover', from_id: primary.id, to_id: standby.id, reason: failover?.reason },
      { type: 'gateway.updated', gateway: { id: primary.id, is_primary: 0 }, token_changed: false },
      { type: 'gateway.updated', gateway: { id: standby.id, is_primary: 1 }, token_changed: false },
    ])
    expect(JSON.stringify(events)).not.toContain('main-token')

    const incident = await failoverIncidentOf(primary.id)
    expect(incident).toMatchObject({ subjectName: 'main' })
    expect(incident?.summary).toContain('main failed over to standby')
    const [notice] = await receiver.waitFor(1)
    expect(notice?.headers['x-mc-event']).toBe('incident.opened')
    expect(JSON.parse(notice?.body ?? '{}').incidents).toMatchObject([
      { id: incident?.id, subject: { name: 'main' } },
    ])

    // The former primary keeps failing: it is not the primary, so nothing moves again.
    await probe(all, FAILOVER_AFTER)
    expect(await listFailovers(ctx.db, 10)).toHaveLength(1)
  })

  it('with the standby down too, moves nothing and records it once, and the incident says so', async () => {
    const primary = await fleet.gateway('main', { primary: true })
    const standby = await fleet.gateway('standby', { priority: 1 })
    await probe([primary, standby])
    await primary.fake.stop()
    await standby.fake.stop()
    await probe([primary, standby], FAILOVER_AFTER + 3)

    expect(await fleet.primary()).toBe('main')
    expect(await listFailovers(ctx.db, 10)).toMatchObject([
      { fromId: primary.id, toId: null, toName: null, kind: 'no_candidate', automatic: true },
    ])
    expect((await listAudit(ctx.db, { action: 'gateway.failover', limit: 10 })).rows).toEqual([])
    const incident = await failoverIncidentOf(primary.id)
    expect(incident?.summary).toContain('no standby is online and freshly probed: no failover')
    expect((await fleet.loggedEvents()).filter((event) => event.type === 'gateway.failover')).toMatchObject([
      { from_id: primary.id, to_id: null },
    ])
  })

  it('does not count a standby whose last probe is older than two probe intervals', async () => {
    const primary = await fleet.gateway('main', { primary: true })
    const standby = await fleet.gateway('standby', { priority: 1 })
    await probe([primary, standby])
    // Online, but not probed for three intervals: time is moved, not waited for.
    await ctx.db.execute(
      sql`update gateways set last_probe_at = now() - interval '90 seconds' where id = ${standby.id}`,
    )
    await primary.fake.stop()
    await probe([primary], FAILOVER_AFTER)

    expect(await fleet.primary()).toBe('main')
    expect(await listFailovers(ctx.db, 10)).toMatchObject([{ kind: 'no_candidate', toId: null }])
  })

  it('picks the standby with the lowest priority number', async () => {
    const primary = await fleet.gateway('main', { primary: true })
    const second = await fleet.gateway('second', { priority: 2 })
    const first = await fleet.gateway('first', { priority: 1 })
    await probe([primary, second, first])
    await primary.fake.stop()
    await probe([primary, second, first], FAILOVER_AFTER)
    expect(await fleet.primary()).toBe('first')
  })

  it('picks the faster of two standbys of equal priority', async () => {
    const primary = await fleet.gateway('main', { primary: true })
    // Its hello-ok comes a second late: its probes measure at least that.
    const slow = await fleet.gateway('slow', { priority: 1, fake: { methodDelaysMs: { connect: 1000 } } })
    const fast = await fleet.gateway('fast', { priority: 1 })
    await probe([primary, slow, fast])
    expect((await findGateway(ctx.db, slow.id))?.latency).toBeGreaterThanOrEqual(1000)
    await primary.fake.stop()
    await probe([primary], FAILOVER_AFTER)
    expect(await fleet.primary()).toBe('fast')
  })
})
