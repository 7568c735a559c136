import { schema } from '@mc/db'
import { gatewaysResponseSchema } from '@mc/shared'
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

describe('failover_priority through POST and PUT /api/gateways', () => {
  it('makes a standby, changes and clears its place in line, and shows it in every answer', async () => {
    expect((await create({ name: 'plain', host: '10.1.0.1' })).failover_priority).toBeNull()
    const standby = await create({ name: 'standby', host: '10.1.0.2', failover_priority: 1 })
    expect(standby.failover_priority).toBe(1)
    expect((await update({ id: standby.id, failover_priority: 1000 })).failover_priority).toBe(1000)
    expect((await update({ id: standby.id, name: 'renamed' })).failover_priority).toBe(1000)
    expect((await update({ id: standby.id, failover_priority: null })).failover_priority).toBeNull()
    const listed = gatewaysResponseSchema.parse((await admin('GET', '/api/gateways')).body).gateways
    expect(listed.find((g) => g.id === standby.id)?.failover_priority).toBeNull()
  })

  it('lets the primary have one: it counts once the role has moved away', async () => {
    const primary = await create({
      name: 'primary',
      host: '10.1.0.3',
      is_primary: true,
      failover_priority: 2,
    })
    expect(primary).toMatchObject({ is_primary: 1, failover_priority: 2 })
    expect((await update({ id: primary.id, failover_priority: 3 })).failover_priority).toBe(3)
  })

  it('refuses anything but a whole number from 1 to 1000 or null, naming the field', async () => {
    const gw = await create({ name: 'strict', host: '10.1.0.4', failover_priority: 5 })
    for (const priority of [0, -1, 1001, 1.5, '1', true, {}]) {
      for (const [method, body] of [
        ['POST', { name: `bad-${JSON.stringify(priority)}`, host: '10.1.0.9', failover_priority: priority }],
        ['PUT', { id: gw.id, failover_priority: priority }],
      ] as const) {
        const { status, body: answer } = await admin(method, '/api/gateways', body)
        expect(status, `${method} ${JSON.stringify(priority)}`).toBe(400)
        expect(answer).toMatchObject({
          details: [{ path: 'failover_priority', message: expect.any(String) }],
        })
      }
    }
    const [row] = await t.deps.db.select().from(schema.gateways).where(eq(schema.gateways.id, gw.id))
    expect(row?.failoverPriority).toBe(5)
  })

  it('audits a change of priority with its old and new value', async () => {
    const gw = await create({ name: 'audited', host: '10.1.0.5', failover_priority: 4 })
    await update({ id: gw.id, failover_priority: 1 })
    await update({ id: gw.id, failover_priority: null })
    const rows = await t.deps.db.query.auditLog.findMany({
      where: (a, { like }) => like(a.target, `gateway:audited#${gw.id}`),
      orderBy: (a, { asc }) => asc(a.id),
    })
    expect(rows.map((r) => [r.action, r.detail])).toEqual([
      ['gateway.create', expect.objectContaining({ failover_priority: 4 })],
      ['gateway.update', { changes: { failover_priority: [4, 1] } }],
      ['gateway.update', { changes: { failover_priority: [1, null] } }],
    ])
  })
})
