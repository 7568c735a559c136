import { findGateway, setPendingToken } from '@mc/db'
import { type FakeGateway, startFakeGateway } from '@mc/openclaw/fake'
import { type TokenRotationJob, tokenRotationJobSchema } from '@mc/runtime'
import type { Job } from 'bullmq'
import { sql } from 'drizzle-orm'
import { afterAll, describe, expect, it } from 'vitest'
import { useTokenRotationHarness } from '../testing/token-rotation-harness.ts'
import { tokenRotation } from './token-rotation.ts'
import { tokenRotationSchedule } from './token-rotation-schedule.ts'

const t = useTokenRotationHarness()
const fakes: FakeGateway[] = []
afterAll(() => Promise.all(fakes.map((fake) => fake.stop())))

const runSchedule = () => tokenRotationSchedule(t.ctx).process({} as Job<Record<string, never>>)

/** A gateway on its own fake, with a token set `ageDays` ago and a rotation every `everyDays` (or none). */
async function gatewayAged(ageDays: number, everyDays: number | null) {
  const fake = await startFakeGateway({ token: `token-of-a-gateway-aged-${ageDays}-days-${fakes.length}` })
  fakes.push(fake)
  const gw = await t.register(fake)
  await t.ctx.db.execute(sql`update gateways set rotate_every_days = ${everyDays},
    token_set_at = now() - make_interval(days => ${ageDays}) where id = ${gw.id}`)
  return { gw, fake, token: fake.token }
}

describe('the token rotation schedule', () => {
  it('queues a rotation of each gateway whose schedule has passed, and of no other', async () => {
    const due = await gatewayAged(31, 30)
    const notYet = await gatewayAged(29, 30)
    const unscheduled = await gatewayAged(400, null)

    expect(await runSchedule()).toEqual({ queued: 1, expired: 0 })
    const jobs = await t.ctx.tokenRotationQueue.getJobs(['waiting'])
    expect(jobs.map((job) => job.data)).toEqual([{ gateway_id: due.gw.id, actor: 'schedule' }])
    // Its rotation holds the gateway: the next check leaves it to that rotation.
    expect((await findGateway(t.ctx.db, due.gw.id))?.tokenRotatingSince).not.toBeNull()
    expect(await runSchedule()).toEqual({ queued: 0, expired: 0 })

    const [job] = jobs
    const data = tokenRotationJobSchema.parse(job?.data)
    const outcome = await tokenRotation(t.ctx).process({ data } as Job<TokenRotationJob>)

    expect(outcome).toEqual({ ok: true })
    expect(due.fake.token).not.toBe(due.token)
    expect(await t.storedToken(due.gw.id)).toBe(due.fake.token)
    expect(await findGateway(t.ctx.db, due.gw.id)).toMatchObject({
      tokenRotatingSince: null,
      tokenRotationMode: 'auto',
    })
    for (const other of [notYet, unscheduled]) {
      expect(other.fake.token).toBe(other.token)
      expect(await t.storedToken(other.gw.id)).toBe(other.token)
    }
    expect((await t.auditedSteps(due.gw.id)).map((a) => [a.action, a.actor])).toEqual([
      ['gateway.token_rotation.requested', 'schedule'],
      ['gateway.token_rotation.patched', 'schedule'],
      ['gateway.token_rotation.verified', 'schedule'],
    ])
    // Rotated now: no longer due.
    expect(await runSchedule()).toEqual({ queued: 0, expired: 0 })
    await t.expectNowhere(
      due.fake.token,
      jobs.map((j) => j.data),
      outcome,
    )
    await t.expectNowhere(
      due.token,
      jobs.map((j) => j.data),
      outcome,
    )
  })

  it('drops the pending tokens that expired unused, and only those', async () => {
    const expired = await gatewayAged(1, null)
    const waiting = await gatewayAged(1, null)
    const pendingToken = 'a-pending-token-nobody-applied-in-time'
    for (const { gw } of [expired, waiting]) {
      await setPendingToken(t.ctx.db, gw.id, t.ctx.tokenCipher.encrypt(pendingToken), 24)
    }
    await t.ctx.db.execute(
      sql`update gateways set pending_token_expires_at = now() - interval '1 minute' where id = ${expired.gw.id}`,
    )

    expect(await runSchedule()).toEqual({ queued: 0, expired: 1 })

    expect(await findGateway(t.ctx.db, expired.gw.id)).toMatchObject({
      pendingToken: null,
      pendingTokenExpiresAt: null,
    })
    expect((await findGateway(t.ctx.db, waiting.gw.id))?.pendingToken).not.toBeNull()
    expect((await t.auditedSteps(expired.gw.id)).map((a) => [a.action, a.actor])).toEqual([
      ['gateway.token_rotation.expired', 'schedule'],
    ])
    expect(await t.auditedSteps(waiting.gw.id)).toEqual([])
    await t.expectNowhere(pendingToken)
  })
})
