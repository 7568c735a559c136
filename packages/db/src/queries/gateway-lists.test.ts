import type { GatewayStatus } from '@mc/shared'
import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { useMigratedDatabase } from '../../test/migrated-database.ts'
import { gateways } from '../schema/gateways.ts'
import { type GatewayFilters, listGatewayPage, listGateways } from './gateway-lists.ts'
import { createGateway } from './gateways.ts'

const t = useMigratedDatabase()

async function add(name: string, host: string, status: GatewayStatus = 'unknown', isPrimary = false) {
  const row = await createGateway(t.db, { name, host, port: 1, token: null, isPrimary })
  await t.db.update(gateways).set({ status }).where(eq(gateways.id, row.id))
}

beforeAll(async () => {
  await add('zeta', 'zeta.lan', 'online', true)
  await add('Alpha', 'edge-1.example', 'offline')
  await add('beta', 'core.lan', 'timeout')
  await add('gamma', 'EDGE-2.example', 'online')
  await add('100%_sure', 'pct.lan')
  await add('100 sure', 'x_y.lan')
  await add('back\\slash', 'bs.lan', 'error')
})

const page = (filters: GatewayFilters, limit = 100, offset = 0) =>
  listGatewayPage(t.db, filters, { limit, offset })
const names = async (filters: GatewayFilters) => (await page(filters)).rows.map((row) => row.name)
/** The matches, whatever the collation makes of the punctuation in some names (order is tested apart). */
const matches = async (filters: GatewayFilters) => (await names(filters)).sort()

describe('listGatewayPage', () => {
  it('lists in the unpaged order: the primary first, then by name in any case', async () => {
    const listed = await names({})
    expect(listed).toEqual((await listGateways(t.db)).map((row) => row.name))
    expect(listed[0]).toBe('zeta')
    expect(listed.filter((name) => /^[a-z]+$/i.test(name))).toEqual(['zeta', 'Alpha', 'beta', 'gamma'])
  })

  it('filters by a case-insensitive part of the name or host, and by any of some statuses', async () => {
    expect(await matches({ q: 'edge' })).toEqual(['Alpha', 'gamma'])
    expect(await matches({ q: 'ALPHA' })).toEqual(['Alpha'])
    expect(await matches({ q: '.LAN' })).toEqual(['100 sure', '100%_sure', 'back\\slash', 'beta', 'zeta'])
    expect(await matches({ statuses: ['online'] })).toEqual(['gamma', 'zeta'])
    expect(await matches({ statuses: ['offline', 'timeout', 'error'] })).toEqual([
      'Alpha',
      'back\\slash',
      'beta',
    ])
    expect(await matches({ q: 'lan', statuses: ['online', 'unknown'] })).toEqual([
      '100 sure',
      '100%_sure',
      'zeta',
    ])
    expect(await matches({ q: 'nothing-like-it' })).toEqual([])
  })

  it('matches %, _ and \\ only as themselves', async () => {
    expect(await matches({ q: '0%_' })).toEqual(['100%_sure'])
    expect(await matches({ q: '%' })).toEqual(['100%_sure'])
    // In the host x_y.lan and in the name 100%_sure; never "any one character".
    expect(await matches({ q: '_' })).toEqual(['100 sure', '100%_sure'])
    expect(await matches({ q: 'k\\s' })).toEqual(['back\\slash'])
  })

  it('pages with the total and the next offset, null at the end and past it', async () => {
    const all = await names({})
    const pages = [await page({}, 3, 0), await page({}, 3, 3), await page({}, 3, 6)]
    expect(pages.map((p) => p.rows.map((row) => row.name))).toEqual([
      all.slice(0, 3),
      all.slice(3, 6),
      all.slice(6),
    ])
    expect(pages.map((p) => [p.total, p.nextOffset])).toEqual([
      [7, 3],
      [7, 6],
      [7, null],
    ])
    expect(await page({}, 3, 50)).toEqual({ rows: [], total: 7, nextOffset: null })
    expect(await page({ q: 'edge' }, 1, 0)).toMatchObject({ total: 2, nextOffset: 1 })
    expect(await page({ q: 'edge' }, 1, 1)).toMatchObject({ total: 2, nextOffset: null })
    expect(await page({ q: 'none such' }, 10, 0)).toEqual({ rows: [], total: 0, nextOffset: null })
  })
})
