import { schema } from '@mc/db'
import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { type Call, callerWithRole } from '../../testing/alert-factories.ts'
import { gatewayCalls } from '../../testing/gateway-calls.ts'
import { useTestApp } from '../../testing/test-app.ts'

const t = useTestApp()
let admin: Call
let create: ReturnType<typeof gatewayCalls>['create']
let update: ReturnType<typeof gatewayCalls>['update']

beforeAll(async () => {
  admin = await callerWithRole(t, 'admin')
  ;({ create, update } = gatewayCalls(admin))
})

describe('session_idle_s and session_stuck_s through POST and PUT /api/gateways', () => {
  it('defaults to null, takes thresholds, keeps them through other edits, and resets them with null', async () => {
    const plain = await create({ name: 'plain', host: '127.0.2.1' })
    expect(plain).toMatchObject({ session_idle_s: null, session_stuck_s: null })
    const tuned = await create({ name: 'tuned', host: '127.0.2.2', session_idle_s: 600, session_stuck_s: 5 })
    expect(tuned).toMatchObject({ session_idle_s: 600, session_stuck_s: 5 })
    expect(await update({ id: tuned.id, name: 'tuned-2' })).toMatchObject({
      session_idle_s: 600,
      session_stuck_s: 5,
    })
    expect(await update({ id: tuned.id, session_stuck_s: 120 })).toMatchObject({
      session_idle_s: 600,
      session_stuck_s: 120,
    })
    expect(await update({ id: tuned.id, session_idle_s: null })).toMatchObject({
      session_idle_s: null,
      session_stuck_s: 120,
    })
  })

  it('refuses thresholds under 5 s, over 30 days, fractional or not numbers, naming the field', async () => {
    const gw = await create({ name: 'strict', host: '127.0.2.3' })
    for (const value of [4, 0, -10, 2.5, '60', 30 * 86_400 + 1]) {
      for (const field of ['session_idle_s', 'session_stuck_s']) {
        const created = await admin('POST', '/api/gateways', { name: 'x', host: 'h', [field]: value })
        const updated = await admin('PUT', '/api/gateways', { id: gw.id, [field]: value })
        for (const res of [created, updated]) {
          expect(res.status, `${field}=${value}`).toBe(400)
          expect(res.body).toMatchObject({ details: [expect.objectContaining({ path: field })] })
        }
      }
    }
    const [stored] = await t.deps.db.select().from(schema.gateways).where(eq(schema.gateways.id, gw.id))
    expect(stored).toMatchObject({ sessionIdleS: null, sessionStuckS: null })
  })

  it('records the change in the audit trail', async () => {
    const gw = await create({ name: 'audited-thresholds', host: '127.0.2.4', session_idle_s: 300 })
    await update({ id: gw.id, session_idle_s: 900, session_stuck_s: 60 })
    await update({ id: gw.id, session_idle_s: null })
    const rows = await t.deps.db.query.auditLog.findMany({
      where: (a, { eq }) => eq(a.target, `gateway:audited-thresholds#${gw.id}`),
      orderBy: (a, { asc }) => asc(a.id),
    })
    expect(rows.map((r) => [r.action, r.detail])).toEqual([
      ['gateway.create', expect.objectContaining({ session_idle_s: 300, session_stuck_s: null })],
      ['gateway.update', { changes: { session_idle_s: [300, 900], session_stuck_s: [null, 60] } }],
      ['gateway.update', { changes: { session_idle_s: [900, null] } }],
    ])
  })
})
