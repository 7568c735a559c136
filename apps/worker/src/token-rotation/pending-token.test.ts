import { findGateway, setPendingToken } from '@mc/db'
import { type FakeGateway, startFakeGateway } from '@mc/openclaw/fake'
import type { ProbeGatewayJob } from '@mc/runtime'
import { type ProbeResult, TOKEN_REJECTED_ERROR } from '@mc/shared'
import type { Job } from 'bullmq'
import { sql } from 'drizzle-orm'
import { afterEach, describe, expect, it } from 'vitest'
import { probeGatewayJob } from '../jobs/probe-gateway.ts'
import { useTokenRotationHarness } from '../testing/token-rotation-harness.ts'

const t = useTokenRotationHarness()
const OLD = 'the-current-token-before-a-manual-rotation'
const NEW = 'the-manual-rotations-token-shown-once-to-the-owner'
let fake: FakeGateway

afterEach(() => fake?.stop())

const probe = async (id: number) =>
  (
    (await probeGatewayJob(t.ctx).process({
      data: { gateway_ids: [id], reason: 'manual' },
    } as Job<ProbeGatewayJob>)) as ProbeResult[]
  )[0]

async function gatewayWithPending() {
  fake = await startFakeGateway({ token: OLD })
  const gw = await t.register(fake)
  await setPendingToken(t.ctx.db, gw.id, t.ctx.tokenCipher.encrypt(NEW), 24)
  return gw
}

const connectsWith = (token: string) =>
  fake.records.connects.filter((c) => JSON.stringify(c).includes(`"token":"${token}"`)).length

describe('a pending token in the probes', () => {
  it('is not tried while the current token works', async () => {
    const gw = await gatewayWithPending()

    expect(await probe(gw.id)).toMatchObject({ status: 'online' })

    expect(connectsWith(NEW)).toBe(0)
    expect(await t.storedToken(gw.id)).toBe(OLD)
    expect((await findGateway(t.ctx.db, gw.id))?.pendingToken).not.toBeNull()
  })

  it('is promoted by the probe that finds the owner applied it', async () => {
    const gw = await gatewayWithPending()
    fake.setToken(NEW)

    const result = await probe(gw.id)

    expect(result).toMatchObject({ status: 'online' })
    expect(connectsWith(OLD)).toBe(1)
    expect(await t.storedToken(gw.id)).toBe(NEW)
    const row = await findGateway(t.ctx.db, gw.id)
    expect(row).toMatchObject({
      status: 'online',
      tokenRotationMode: 'manual',
      tokenMismatches: 0,
      pendingToken: null,
      pendingTokenExpiresAt: null,
    })
    expect(row?.tokenRotatedAt).not.toBeNull()
    expect((await t.auditedSteps(gw.id)).map((a) => [a.action, a.actor])).toEqual([
      ['gateway.token_rotation.promoted', 'system'],
    ])
    await expect
      .poll(() => t.events.some((e) => e.type === 'gateway.updated' && e.gateway.id === gw.id))
      .toBe(true)
    await t.expectNowhere(NEW, result)
    await t.expectNowhere(OLD, result)
  })

  it('goes first after a failed probe: a gateway that stopped answering the old token is not asked again', async () => {
    const gw = await gatewayWithPending()
    fake.setToken(NEW)
    // The last probe failed (refused, or timed out behind the gateway's delays for failed logins).
    await t.ctx.db.execute(sql`update gateways set consecutive_failures = 1 where id = ${gw.id}`)

    expect(await probe(gw.id)).toMatchObject({ status: 'online' })

    expect(connectsWith(OLD)).toBe(0)
    expect(await t.storedToken(gw.id)).toBe(NEW)
  })

  it('is not tried once expired: the refusal stands and is counted', async () => {
    const gw = await gatewayWithPending()
    await t.ctx.db.execute(
      sql`update gateways set pending_token_expires_at = now() - interval '1 second' where id = ${gw.id}`,
    )
    fake.setToken(NEW)

    expect(await probe(gw.id)).toMatchObject({ status: 'error', error: TOKEN_REJECTED_ERROR })
    expect(await probe(gw.id)).toMatchObject({ error: TOKEN_REJECTED_ERROR })

    expect(connectsWith(NEW)).toBe(0)
    expect(await t.storedToken(gw.id)).toBe(OLD)
    expect((await findGateway(t.ctx.db, gw.id))?.tokenMismatches).toBe(2)
    expect(await t.auditedSteps(gw.id)).toEqual([])
  })

  it('leaves the refusal as the result when the gateway takes neither token', async () => {
    const gw = await gatewayWithPending()
    fake.setToken('a-third-token-set-by-someone-else-entirely')

    expect(await probe(gw.id)).toMatchObject({ error: TOKEN_REJECTED_ERROR })

    expect(connectsWith(NEW)).toBe(1)
    expect(await t.storedToken(gw.id)).toBe(OLD)
    expect((await findGateway(t.ctx.db, gw.id))?.pendingToken).not.toBeNull()
  })
})
