import { type GatewayRow, schema } from '@mc/db'
import { failoverResponseSchema, gatewaysResponseSchema, type McEvent } from '@mc/shared'
import { eventually } from '@mc/testing'
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { type Call, callerWithRole, makeAlertRule } from '../../testing/alert-factories.ts'
import { makePrimary, makeStandby } from '../../testing/failover-factories.ts'
import { useTestApp } from '../../testing/test-app.ts'

// Probes every 30 s: a standby's probe is fresh for a minute.
const t = useTestApp({ PROBE_INTERVAL_S: '30' })
let admin: Call
let viewer: Call
const published: McEvent[] = []
let unsubscribe = () => {}

beforeAll(async () => {
  ;[admin, viewer] = await Promise.all([callerWithRole(t, 'admin'), callerWithRole(t, 'viewer')])
  await makeAlertRule(t.deps.db, { kind: 'failover', params: {} })
  unsubscribe = t.deps.eventHub.subscribe(({ event }) => published.push(event))
})
afterAll(() => unsubscribe())
// Each case builds its own registry: standbys of one case are no candidates in the next.
beforeEach(async () => {
  await t.deps.db.delete(schema.gateways)
})

const failover = (body: unknown) => admin('POST', '/api/gateways/failover', body)
const primaryId = async () =>
  gatewaysResponseSchema
    .parse((await viewer('GET', '/api/gateways')).body)
    .gateways.find((g) => g.is_primary === 1)?.id
const movesOf = (from: GatewayRow) =>
  t.deps.db.select().from(schema.gatewayFailovers).where(eq(schema.gatewayFailovers.fromId, from.id))

describe('POST /api/gateways/failover', () => {
  it('moves the primary to the named standby, audits it, tells every browser and opens the incident', async () => {
    const primary = await makePrimary(t.deps.db)
    const standby = await makeStandby(t.deps.db, { priority: 2 })
    const { status, body, text } = await failover({ to_id: standby.id })
    expect(status, text).toBe(200)
    const answer = failoverResponseSchema.parse(body)
    expect(answer.gateway).toMatchObject({ id: standby.id, is_primary: 1, failover_priority: 2 })
    expect(answer.failover).toMatchObject({
      from_id: primary.id,
      from_name: primary.name,
      to_id: standby.id,
      to_name: standby.name,
      kind: 'manual',
      automatic: false,
      actor: expect.stringMatching(/^user:/),
    })
    expect(await primaryId()).toBe(standby.id)

    const [audit] = await t.deps.db
      .select()
      .from(schema.auditLog)
      .where(eq(schema.auditLog.action, 'gateway.failover'))
    expect(audit).toMatchObject({
      actor: answer.failover.actor,
      target: `gateway:${standby.name}#${standby.id}`,
      detail: {
        reason: answer.failover.reason,
        from: { id: primary.id, name: primary.name },
        to: { id: standby.id, name: standby.name },
      },
    })

    await eventually(() => {
      expect(published).toContainEqual(
        expect.objectContaining({ type: 'gateway.failover', from_id: primary.id, to_id: standby.id }),
      )
      const updated = published.flatMap((e) => (e.type === 'gateway.updated' ? [e.gateway] : []))
      expect(updated).toContainEqual(expect.objectContaining({ id: primary.id, is_primary: 0 }))
      expect(updated).toContainEqual(expect.objectContaining({ id: standby.id, is_primary: 1 }))
    })
    const incidents = await t.deps.db
      .select()
      .from(schema.incidents)
      .where(and(eq(schema.incidents.kind, 'failover'), eq(schema.incidents.subjectId, primary.id)))
    expect(incidents).toHaveLength(1)
    expect(incidents[0]?.summary).toContain(`${primary.name} failed over to ${standby.name}`)
  })

  it('without to_id takes the best standby: online and fresh, by priority, then latency', async () => {
    const primary = await makePrimary(t.deps.db)
    await makeStandby(t.deps.db, { priority: 1, latencyMs: 5, probed: 'offline' })
    await makeStandby(t.deps.db, { priority: 1, latencyMs: 5, probedAgoS: 61 })
    await makeStandby(t.deps.db, { priority: 2, latencyMs: 10 })
    await makeStandby(t.deps.db, { priority: 1, latencyMs: 90 })
    const best = await makeStandby(t.deps.db, { priority: 1, latencyMs: 40 })
    await makeStandby(t.deps.db, { priority: null, latencyMs: 1 })
    const { status, body } = await failover({})
    expect(status).toBe(200)
    expect(failoverResponseSchema.parse(body).gateway.id).toBe(best.id)
    expect(await movesOf(primary)).toHaveLength(1)
  })

  it('refuses with 409 when the target is not online, already primary, or no standby can take over', async () => {
    const primary = await makePrimary(t.deps.db)
    const down = await makeStandby(t.deps.db, { probed: 'offline' })
    await makeStandby(t.deps.db, { probedAgoS: 3600 })
    const cases: [unknown, string][] = [
      [{ to_id: down.id }, `${down.name} is offline, not online`],
      [{ to_id: primary.id }, `${primary.name} is already the primary`],
      [{}, 'no standby is online and freshly probed'],
    ]
    for (const [request, error] of cases) {
      const { status, body } = await failover(request)
      expect(status, JSON.stringify(request)).toBe(409)
      expect(body).toEqual({ error })
    }
    expect(await primaryId()).toBe(primary.id)
    expect(await movesOf(primary)).toEqual([])
  })

  it('refuses with 409 when no gateway is primary', async () => {
    const standby = await makeStandby(t.deps.db)
    const { status, body } = await failover({ to_id: standby.id })
    expect(status).toBe(409)
    expect(body).toEqual({ error: 'there is no primary gateway to fail over from' })
  })

  it('answers 404 for an unknown target and 400 for a bad body', async () => {
    const primary = await makePrimary(t.deps.db)
    const missing = await failover({ to_id: 999_999 })
    expect(missing.status).toBe(404)
    expect(missing.body).toEqual({ error: 'no gateway with id 999999' })
    for (const bad of [{ to_id: 'one' }, { to_id: 0 }, { to_id: 1.5 }, { to: 3 }, [1]]) {
      const { status, body } = await failover(bad)
      expect(status, JSON.stringify(bad)).toBe(400)
      expect(body, JSON.stringify(bad)).toMatchObject({ error: 'invalid request body' })
    }
    expect(await primaryId()).toBe(primary.id)
  })
})
