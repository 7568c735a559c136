import { createGateway, schema } from '@mc/db'
import { type GatewayStatus, gatewaysResponseSchema } from '@mc/shared'
import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { makeApiKey } from '../../testing/factories.ts'
import { useTestApp } from '../../testing/test-app.ts'

const t = useTestApp()
let viewer: Record<string, string>

// More than a page's worth (50), so the unpaged list shows it is not paged; every tenth is down.
const COUNT = 61
const nameOf = (i: number) => `gw-${String(i).padStart(3, '0')}`

beforeAll(async () => {
  viewer = { 'x-api-key': (await makeApiKey(t.deps.db, 'viewer')).key }
  for (let i = 1; i <= COUNT; i++) {
    const row = await createGateway(t.deps.db, {
      name: nameOf(i),
      host: i % 2 === 0 ? `even-${i}.lan` : `odd-${i}.example`,
      port: 18789,
      token: null,
      isPrimary: i === COUNT,
    })
    const status: GatewayStatus = i % 10 === 0 ? 'offline' : 'online'
    await t.deps.db.update(schema.gateways).set({ status }).where(eq(schema.gateways.id, row.id))
  }
  await createGateway(t.deps.db, {
    name: '50%_off',
    host: 'sale.lan',
    port: 1,
    token: null,
    isPrimary: false,
  })
})

async function get(query: string) {
  const res = await t.app.request(`/api/gateways${query}`, { headers: viewer })
  return { status: res.status, body: (await res.json()) as Record<string, unknown> }
}

async function page(query: string) {
  const { status, body } = await get(query)
  expect(status, JSON.stringify(body)).toBe(200)
  const parsed = gatewaysResponseSchema.parse(body)
  return { ...parsed, names: parsed.gateways.map((gateway) => gateway.name) }
}

describe('GET /api/gateways', () => {
  it('answers every gateway as the seed does when given no parameters', async () => {
    const { body } = await get('')
    expect(Object.keys(body)).toEqual(['gateways'])
    const { names } = await page('')
    expect(names).toHaveLength(COUNT + 1)
    expect(names[0]).toBe(nameOf(COUNT))
  })

  it('pages in the same order, with the total and the next offset', async () => {
    const all = (await page('')).names
    const first = await page('?limit=25')
    expect(first).toMatchObject({ total: COUNT + 1, next_offset: 25 })
    expect(first.names).toEqual(all.slice(0, 25))
    const last = await page('?limit=25&offset=50')
    expect(last).toMatchObject({ total: COUNT + 1, next_offset: null })
    expect(last.names).toEqual(all.slice(50))
    const beyond = await page('?offset=500')
    expect(beyond).toMatchObject({ gateways: [], total: COUNT + 1, next_offset: null })
  })

  it('pages 50 at a time when paging names no limit', async () => {
    const defaults = await page('?offset=0')
    expect(defaults.names).toHaveLength(50)
    expect(defaults).toMatchObject({ total: COUNT + 1, next_offset: 50 })
  })

  it('searches the name or host in any case, with % and _ as plain text', async () => {
    expect((await page('?q=GW-00')).names).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9].map(nameOf))
    const even = await page('?q=EVEN-&limit=5')
    expect(even).toMatchObject({ total: 30, next_offset: 5 })
    expect(even.names).toEqual([2, 4, 6, 8, 10].map(nameOf))
    expect((await page(`?q=${encodeURIComponent('0%_')}`)).names).toEqual(['50%_off'])
    expect((await page('?q=_')).names).toEqual(['50%_off'])
  })

  it('filters by one status or several, comma-separated', async () => {
    const offline = await page('?status=offline')
    expect(offline.names).toEqual([10, 20, 30, 40, 50, 60].map(nameOf))
    expect(offline).toMatchObject({ total: 6, next_offset: null })
    expect((await page('?status=unknown,offline&q=0')).names).toEqual([
      '50%_off',
      ...[10, 20, 30, 40, 50, 60].map(nameOf),
    ])
    expect(await page('?status=timeout')).toMatchObject({ gateways: [], total: 0, next_offset: null })
  })

  it.each([
    ['an unknown parameter', '?page=2', 'page'],
    ['a limit of 0', '?limit=0', 'limit'],
    ['a limit over 500', '?limit=501', 'limit'],
    ['a negative offset', '?offset=-1', 'offset'],
    ['a fractional offset', '?offset=1.5', 'offset'],
    ['an unknown status', '?status=online,sleeping', 'status.1'],
    ['an empty status', '?status=', 'status.0'],
    ['an empty search', '?q=%20', 'q'],
  ])('refuses %s with a 400 naming it', async (_, query, path) => {
    const { status, body } = await get(query)
    expect(status).toBe(400)
    expect(body).toMatchObject({ error: 'invalid query', details: [expect.objectContaining({ path })] })
  })
})
