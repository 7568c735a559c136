import { countTokenMismatch, schema, setPendingToken } from '@mc/db'
import { type Gateway, gatewayDetailResponseSchema, gatewaysResponseSchema } from '@mc/shared'
import { eq, sql } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { type Call, callerWithRole } from '../../testing/alert-factories.ts'
import { gatewayCalls } from '../../testing/gateway-calls.ts'
import { useTestApp } from '../../testing/test-app.ts'

// Tokens go stale after 2 days here: the gateway presenters must use the api's setting.
const t = useTestApp({ TOKEN_MAX_AGE_DAYS: '2' })
let admin: Call
let create: ReturnType<typeof gatewayCalls>['create']
let update: ReturnType<typeof gatewayCalls>['update']

beforeAll(async () => {
  admin = await callerWithRole(t, 'admin')
  ;({ create, update } = gatewayCalls(admin))
})

const stored = async (id: number) => {
  const [row] = await t.deps.db.select().from(schema.gateways).where(eq(schema.gateways.id, id))
  if (!row) throw new Error(`gateway ${id} vanished`)
  return row
}
const backdateToken = (id: number, days: number) =>
  t.deps.db
    .update(schema.gateways)
    .set({ tokenSetAt: sql`now() - make_interval(days => ${days})` })
    .where(eq(schema.gateways.id, id))
/** A probe refused the token and a manual rotation waits: what a new token by hand ends. */
async function mismatchedWithPending(id: number) {
  await countTokenMismatch(t.deps.db, id)
  await setPendingToken(t.deps.db, id, t.deps.tokenCipher.encrypt('pending'), 24)
}
const now = () => Math.floor(Date.now() / 1000)

describe('token age through POST and PUT /api/gateways', () => {
  it('starts the age of a token set by hand, and resets its mismatches and pending token', async () => {
    const gw = await create({ name: 'aged', host: '127.0.3.1', token: 'first' })
    expect(gw.token_set_at).toBeGreaterThan(now() - 60)
    expect(gw).toMatchObject({ token_stale: false, token_mismatches: 0, token_pending_expires_at: null })
    expect((await create({ name: 'tokenless', host: '127.0.3.2' })).token_set_at).toBeNull()

    await backdateToken(gw.id, 10)
    await mismatchedWithPending(gw.id)
    const renamed = await update({ id: gw.id, name: 'aged-2' })
    expect(renamed).toMatchObject({ token_stale: true, token_mismatches: 1 })
    expect(renamed.token_pending_expires_at).not.toBeNull()

    const changed = await update({ id: gw.id, token: 'second' })
    expect(changed).toMatchObject({ token_stale: false, token_mismatches: 0, token_pending_expires_at: null })
    expect(changed.token_set_at).toBeGreaterThan(now() - 60)
    expect(await stored(gw.id)).toMatchObject({ pendingToken: null, pendingTokenExpiresAt: null })

    await backdateToken(gw.id, 10)
    await mismatchedWithPending(gw.id)
    const cleared = await update({ id: gw.id, token: null })
    expect(cleared).toMatchObject({
      token_set: false,
      token_set_at: null,
      token_stale: false,
      token_mismatches: 0,
      token_pending_expires_at: null,
    })
  })

  it('shows a token older than TOKEN_MAX_AGE_DAYS as stale wherever a gateway is shown', async () => {
    const gw = await create({ name: 'stale', host: '127.0.3.3', token: 't', is_primary: true })
    await backdateToken(gw.id, 3)
    const listed = gatewaysResponseSchema.parse((await admin('GET', '/api/gateways')).body).gateways
    const detail = gatewayDetailResponseSchema.parse((await admin('GET', `/api/gateways/${gw.id}`)).body)
    const primary = (await admin('GET', '/api/gateways/primary')).body as { gateway: Gateway }
    for (const shown of [listed.find((g) => g.id === gw.id), detail.gateway, primary.gateway]) {
      expect(shown).toMatchObject({ id: gw.id, token_stale: true })
    }
    await backdateToken(gw.id, 1)
    expect((await update({ id: gw.id, name: 'fresh' })).token_stale).toBe(false)
  })

  it('stores rotate_every_days, keeps it through other edits, and audits its change', async () => {
    const gw = await create({ name: 'scheduled', host: '127.0.3.4', token: 't', rotate_every_days: 30 })
    expect(gw.rotate_every_days).toBe(30)
    expect((await update({ id: gw.id, host: '127.0.3.5' })).rotate_every_days).toBe(30)
    expect((await update({ id: gw.id, rotate_every_days: null })).rotate_every_days).toBeNull()
    for (const value of [0, 3651, 1.5, '7']) {
      const res = await admin('PUT', '/api/gateways', { id: gw.id, rotate_every_days: value })
      expect(res.status, String(value)).toBe(400)
    }
    const audit = await t.deps.db.query.auditLog.findMany({
      where: (a, { eq, and }) =>
        and(eq(a.target, `gateway:scheduled#${gw.id}`), eq(a.action, 'gateway.update')),
    })
    expect(audit.map((a) => a.detail)).toContainEqual({ changes: { rotate_every_days: [30, null] } })
  })
})
