import { describe, expect, it } from 'vitest'
import { insertGatewayEvents, makeGateway } from '../../test/fixtures.ts'
import { useMigratedDatabase } from '../../test/migrated-database.ts'
import { gatewayEventTypes, listGatewayEvents } from './gateway-event-lists.ts'

const t = useMigratedDatabase()
let seq = 0
const gateway = () => makeGateway(t.db, `events-${++seq}`)
const NOW = Date.now()
const minutesAgo = (minutes: number) => new Date(NOW - minutes * 60_000)

describe('listGatewayEvents', () => {
  it('pages a gateway’s events newest first until the last page', async () => {
    const [gw, other] = [await gateway(), await gateway()]
    const ids = await insertGatewayEvents(
      t.db,
      gw.id,
      Array.from({ length: 5 }, (_, i) => ({ type: 'health', at: minutesAgo(10 - i) })),
    )
    await insertGatewayEvents(t.db, other.id, [{ type: 'health', at: minutesAgo(1) }])
    const first = await listGatewayEvents(t.db, gw.id, { limit: 2 })
    expect(first.rows.map((row) => row.id)).toEqual([ids[4], ids[3]])
    expect(first.nextBefore).toBe(ids[3])
    const second = await listGatewayEvents(t.db, gw.id, { limit: 2, before: first.nextBefore ?? 0 })
    expect(second.rows.map((row) => row.id)).toEqual([ids[2], ids[1]])
    const last = await listGatewayEvents(t.db, gw.id, { limit: 2, before: second.nextBefore ?? 0 })
    expect(last).toEqual({
      rows: [expect.objectContaining({ id: ids[0], gatewayId: gw.id })],
      nextBefore: null,
    })
  })

  it('filters by type, session and time', async () => {
    const gw = await gateway()
    const [, chatA, chatB] = await insertGatewayEvents(t.db, gw.id, [
      { type: 'agent:item', at: minutesAgo(30), sessionKey: 'a' },
      { type: 'chat', at: minutesAgo(20), sessionKey: 'a' },
      { type: 'chat', at: minutesAgo(5), sessionKey: 'b' },
    ])
    const ids = async (filters: Parameters<typeof listGatewayEvents>[2]) =>
      (await listGatewayEvents(t.db, gw.id, filters)).rows.map((row) => row.id)
    expect(await ids({ type: 'chat', limit: 10 })).toEqual([chatB, chatA])
    expect(await ids({ type: 'chat', session: 'a', limit: 10 })).toEqual([chatA])
    expect(await ids({ since: minutesAgo(10), limit: 10 })).toEqual([chatB])
    expect(await ids({ type: 'nope', limit: 10 })).toEqual([])
  })
})

describe('gatewayEventTypes', () => {
  it('lists the distinct types of the gateway’s events only', async () => {
    const [gw, other] = [await gateway(), await gateway()]
    await insertGatewayEvents(t.db, gw.id, [
      ...Array.from({ length: 3 }, () => ({ type: 'health', at: minutesAgo(3) })),
      { type: 'agent:item', at: minutesAgo(2) },
      { type: 'chat', at: minutesAgo(1) },
    ])
    await insertGatewayEvents(t.db, other.id, [{ type: 'presence', at: minutesAgo(1) }])
    expect(await gatewayEventTypes(t.db, gw.id)).toEqual(['agent:item', 'chat', 'health'])
    expect(await gatewayEventTypes(t.db, (await gateway()).id)).toEqual([])
  })
})
