import { createAlertRule, listIncidents } from '@mc/db'
import { type FakeGateway, startFakeGateway } from '@mc/openclaw/fake'
import type { Job } from 'bullmq'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { alertTick } from '../jobs/alert-tick.ts'
import { useTokenRotationHarness } from '../testing/token-rotation-harness.ts'

// Not the default 90: the incident follows the worker's setting.
const t = useTokenRotationHarness({ TOKEN_MAX_AGE_DAYS: '30' })
const fakes: FakeGateway[] = []
afterAll(() => Promise.all(fakes.map((fake) => fake.stop())))

async function gatewayAged(ageDays: number) {
  const fake = await startFakeGateway({ token: `a-token-set-${ageDays}-days-ago-${fakes.length}` })
  fakes.push(fake)
  const gw = await t.register(fake)
  await t.ctx.db.execute(
    sql`update gateways set token_set_at = now() - make_interval(days => ${ageDays}) where id = ${gw.id}`,
  )
  return gw
}

const staleIncidents = async () => (await listIncidents(t.ctx.db, { kind: 'token_stale', limit: 50 })).rows
const probed = (...ids: number[]) =>
  t.ctx.alertEvaluator.afterProbes(ids.map((gatewayId) => ({ gatewayId, previousVersion: null })))

describe('token_stale incidents', () => {
  beforeAll(async () => {
    await createAlertRule(t.ctx.db, {
      name: 'stale tokens',
      kind: 'token_stale',
      params: {},
      scopeGatewayIds: [],
      scopeAgentNames: [],
      channelIds: [],
      repeatEveryS: null,
      enabled: true,
    })
  })

  it('open for a token older than TOKEN_MAX_AGE_DAYS and resolve as soon as it is rotated', async () => {
    const stale = await gatewayAged(31)
    const fresh = await gatewayAged(29)

    await probed(stale.id, fresh.id)

    await expect.poll(staleIncidents).toEqual([
      expect.objectContaining({
        subjectType: 'gateway',
        subjectId: stale.id,
        severity: 'warning',
        status: 'open',
        summary: `${stale.name}'s token is 31 days old (at most 30): rotate it`,
      }),
    ])
    expect(await t.rotate(stale.id)).toEqual({ ok: true })
    expect(await staleIncidents()).toEqual([
      expect.objectContaining({ subjectId: stale.id, status: 'resolved' }),
    ])
  })

  it('resolve on the alert tick once the token is new (set by hand, say)', async () => {
    const stale = await gatewayAged(45)
    await probed(stale.id)
    await expect
      .poll(async () => (await staleIncidents()).find((i) => i.subjectId === stale.id)?.status)
      .toBe('open')

    await t.ctx.db.execute(sql`update gateways set token_set_at = now() where id = ${stale.id}`)
    await alertTick(t.ctx).process({} as Job<Record<string, never>>)

    expect((await staleIncidents()).find((i) => i.subjectId === stale.id)?.status).toBe('resolved')
  })
})
