import { findGateway } from '@mc/db'
import { probeGateway } from '@mc/openclaw'
import { type FakeGateway, startFakeGateway } from '@mc/openclaw/fake'
import { TOKEN_REJECTED_ERROR } from '@mc/shared'
import { sql } from 'drizzle-orm'
import { afterEach, describe, expect, it } from 'vitest'
import { CLIENT_VERSION } from '../client-version.ts'
import { useTokenRotationHarness } from '../testing/token-rotation-harness.ts'

const t = useTokenRotationHarness()
const OLD = 'old-token-that-is-long-enough-to-find'
let fake: FakeGateway

afterEach(() => fake?.stop())

const probeWith = (token: string) =>
  probeGateway(fake.target({ token }), { clientVersion: CLIENT_VERSION, timeoutMs: 3000 })

describe('an automatic token rotation', () => {
  it('sets a new token on the gateway, verifies it, and stores it encrypted, with every step audited', async () => {
    fake = await startFakeGateway({ token: OLD })
    const gw = await t.register(fake)
    await t.ctx.db.execute(
      sql`update gateways set token_set_at = now() - interval '100 days', token_mismatches = 3 where id = ${gw.id}`,
    )

    const outcome = await t.rotate(gw.id)

    expect(outcome).toEqual({ ok: true })
    const newToken = fake.token
    expect(newToken).not.toBe(OLD)
    expect(newToken).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect((await probeWith(newToken)).status).toBe('online')
    expect((await probeWith(OLD)).error).toBe(TOKEN_REJECTED_ERROR)
    const row = await findGateway(t.ctx.db, gw.id)
    expect(row?.token).not.toContain(newToken)
    expect(await t.storedToken(gw.id)).toBe(newToken)
    expect(row).toMatchObject({ tokenRotationMode: 'auto', tokenMismatches: 0, tokenRotatingSince: null })
    expect(Date.now() - (row?.tokenSetAt?.getTime() ?? 0)).toBeLessThan(60_000)
    expect(row?.tokenRotatedAt).toEqual(row?.tokenSetAt)
    expect((await t.auditedSteps(gw.id)).map((a) => [a.action, a.actor])).toEqual([
      ['gateway.token_rotation.patched', 'user:alice'],
      ['gateway.token_rotation.verified', 'user:alice'],
    ])
    await expect
      .poll(() => t.events.some((e) => e.type === 'gateway.updated' && e.gateway.id === gw.id))
      .toBe(true)
    const announced = t.events.find((e) => e.type === 'gateway.updated' && e.gateway.id === gw.id)
    expect(announced).toMatchObject({
      token_changed: false,
      gateway: { token_stale: false, token_mismatches: 0 },
    })
    await t.expectNowhere(newToken, outcome)
    await t.expectNowhere(OLD, outcome)
  })

  it('reads the config again and retries once when someone else changed it in between', async () => {
    fake = await startFakeGateway({ token: OLD })
    const gw = await t.register(fake)
    fake.changeConfigBeforeNextPatch()

    expect(await t.rotate(gw.id)).toEqual({ ok: true })
    expect(fake.token).not.toBe(OLD)
    expect(await t.storedToken(gw.id)).toBe(fake.token)
    const patches = fake.records.requests.filter((r) => r.method === 'config.patch')
    expect(patches).toHaveLength(2)
  })

  it('gives up after a second stale hash, leaving the old token', async () => {
    fake = await startFakeGateway({ token: OLD })
    const gw = await t.register(fake)
    fake.changeConfigBeforeNextPatch()
    fake.changeConfigBeforeNextPatch()

    const outcome = await t.rotate(gw.id)

    expect(outcome).toMatchObject({ ok: false, reason: 'patch_refused' })
    expect(fake.token).toBe(OLD)
    expect(await t.storedToken(gw.id)).toBe(OLD)
  })

  it('stops with no_admin_scope where the gateway does not grant admin, leaving everything as it was', async () => {
    fake = await startFakeGateway({ token: OLD })
    fake.setAdminAllowed(false)
    const gw = await t.register(fake)
    const before = await findGateway(t.ctx.db, gw.id)

    const outcome = await t.rotate(gw.id, 'schedule')

    expect(outcome).toMatchObject({
      ok: false,
      reason: 'no_admin_scope',
      message: expect.stringMatching(/loopback.*manual/),
    })
    expect(fake.token).toBe(OLD)
    expect(fake.records.requests.filter((r) => r.method === 'config.patch')).toEqual([])
    expect(await findGateway(t.ctx.db, gw.id)).toEqual(before)
    const [failed] = await t.auditedSteps(gw.id)
    expect(failed).toMatchObject({
      action: 'gateway.token_rotation.failed',
      actor: 'schedule',
      detail: { mode: 'auto', reason: 'no_admin_scope' },
    })
  })

  it('keeps the old token, working, when the gateway refuses the patch', async () => {
    fake = await startFakeGateway({ token: OLD })
    const gw = await t.register(fake)
    fake.refuseNextPatch('invalid config: rejected for the test')

    const outcome = await t.rotate(gw.id)

    expect(outcome).toMatchObject({
      ok: false,
      reason: 'patch_refused',
      message: expect.stringContaining('rejected for the test'),
    })
    expect((await probeWith(OLD)).status).toBe('online')
    const row = await findGateway(t.ctx.db, gw.id)
    expect(await t.storedToken(gw.id)).toBe(OLD)
    expect(row).toMatchObject({ tokenRotatedAt: null, pendingToken: null, tokenRotatingSince: null })
    expect((await t.auditedSteps(gw.id)).map((a) => a.action)).toEqual(['gateway.token_rotation.failed'])
    expect(t.logLines.join('')).toContain('token rotation failed')
    await t.expectNowhere(OLD, outcome)
  })

  it('puts the old token back when the gateway took the new one but a probe with it fails', async () => {
    fake = await startFakeGateway({ token: OLD })
    const gw = await t.register(fake)
    // Logins and config calls work; a probe (which lists the agents) runs out of time.
    fake.setMethodDelay('agents.list', 60_000)

    const outcome = await t.rotate(gw.id)

    expect(outcome).toMatchObject({
      ok: false,
      reason: 'verify_failed',
      message: expect.stringContaining('the old token was put back'),
    })
    expect(fake.token).toBe(OLD)
    expect(await t.storedToken(gw.id)).toBe(OLD)
    expect((await findGateway(t.ctx.db, gw.id))?.pendingToken).toBeNull()
    const patches = fake.records.requests.filter((r) => r.method === 'config.patch')
    expect(patches).toHaveLength(2)
    expect((await t.auditedSteps(gw.id)).map((a) => a.action)).toEqual([
      'gateway.token_rotation.patched',
      'gateway.token_rotation.failed',
    ])
    await t.expectNowhere(OLD, outcome)
  })

  it('reports unreachable when it cannot log in', async () => {
    fake = await startFakeGateway({ token: OLD })
    const gw = await t.register(fake, 'a-token-the-gateway-does-not-know-at-all')

    const outcome = await t.rotate(gw.id)

    expect(outcome).toMatchObject({ ok: false, reason: 'unreachable' })
    expect(fake.token).toBe(OLD)
    await t.expectNowhere('a-token-the-gateway-does-not-know-at-all', outcome)
  })
})
