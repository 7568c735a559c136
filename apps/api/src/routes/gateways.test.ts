import { recordProbe, schema } from '@mc/db'
import { makeGateway, onlineReading } from '@mc/db/testing'
import {
  type Gateway,
  gatewayDetailResponseSchema,
  gatewayResponseSchema,
  gatewaysResponseSchema,
} from '@mc/shared'
import { beforeAll, describe, expect, it } from 'vitest'
import { makeApiKey } from '../testing/factories.ts'
import { useTestApp } from '../testing/test-app.ts'

const t = useTestApp()
let admin: Record<string, string>
let viewer: Record<string, string>

beforeAll(async () => {
  admin = { 'x-api-key': (await makeApiKey(t.deps.db, 'admin')).key }
  viewer = { 'x-api-key': (await makeApiKey(t.deps.db, 'viewer')).key }
})

const send = (method: string, body: unknown, headers = admin) =>
  t.app.request('/api/gateways', { method, headers, body: JSON.stringify(body) })

async function create(body: Record<string, unknown>): Promise<Gateway> {
  const res = await send('POST', body)
  expect(res.status, await res.clone().text()).toBe(201)
  return gatewayResponseSchema.parse(await res.json()).gateway
}

async function list(): Promise<Gateway[]> {
  const res = await t.app.request('/api/gateways', { headers: viewer })
  return gatewaysResponseSchema.parse(await res.json()).gateways
}

async function details(res: Response) {
  const body = (await res.json()) as { error: string; details?: { path: string; message: string }[] }
  return { error: body.error, paths: (body.details ?? []).map((d) => d.path).sort(), details: body.details }
}

describe('the gateway registry', () => {
  it('creates with the seed body, defaults the port, and shows token_set but never the token', async () => {
    const gw = await create({
      name: 'Staging',
      host: 'staging.internal',
      token: 'tok-staging-1',
      is_primary: false,
    })
    expect(gw).toMatchObject({
      name: 'Staging',
      host: 'staging.internal',
      port: 18789,
      token_set: true,
      is_primary: 0,
      status: 'unknown',
      last_seen: null,
      latency: null,
      sessions_count: 0,
      agents_count: 0,
      version: null,
      last_error: null,
      last_probe_at: null,
    })
    expect(gw.created_at).toBeGreaterThan(1_700_000_000)
    const all = JSON.stringify(await list())
    expect(all).not.toContain('tok-staging-1')
    const [row] = await t.deps.db.select({ token: schema.gateways.token }).from(schema.gateways)
    expect(row?.token).toMatch(/^v1:/)
    expect(row?.token).not.toContain('tok-staging-1')
    expect(t.deps.tokenCipher.decrypt(row?.token ?? '')).toBe('tok-staging-1')
  })

  it('lists the primary first, then by name regardless of case', async () => {
    await create({ name: 'alpha', host: '10.0.0.2' })
    await create({ name: 'Zulu', host: '10.0.0.3', is_primary: 1 })
    await create({ name: 'beta', host: '::1', port: 19000, is_primary: 0 })
    const names = (await list()).map((g) => g.name)
    expect(names[0]).toBe('Zulu')
    expect(names.slice(1)).toEqual(['alpha', 'beta', 'Staging'])
  })

  it('rejects a duplicate name in any case with 409, and keeps what was stored', async () => {
    const before = await list()
    const res = await send('POST', { name: 'STAGING', host: 'other.internal' })
    expect(res.status).toBe(409)
    expect(await res.json()).toEqual({ error: 'a gateway named "STAGING" already exists' })
    expect(await list()).toEqual(before)
  })

  it('explains invalid names, hosts, ports, flags and unknown fields', async () => {
    const res = await send('POST', {
      name: '',
      host: 'ws://user:pw@gw',
      port: 70000,
      is_primary: 'yes',
      colour: 1,
    })
    expect(res.status).toBe(400)
    const { paths } = await details(res)
    expect(paths).toEqual(['colour', 'host', 'is_primary', 'name', 'port'])
    for (const host of ['bad_host', 'http://gw', 'wss://gw/?token=abc', 'wss://gw:9000', 'a b']) {
      const bad = await send('POST', { name: `h-${host}`, host })
      expect(bad.status, host).toBe(400)
      expect((await details(bad)).paths, host).toEqual(['host'])
    }
    for (const host of ['gw-1.example.com', '192.168.1.20', 'fd00::20', 'wss://gw.example.com/ws']) {
      expect((await send('POST', { name: `ok-${host}`, host })).status, host).toBe(201)
    }
  })

  it('updates fields, clears a token with "" or null, and refuses probe-owned fields', async () => {
    const gw = await create({ name: 'Edit me', host: 'edit.internal', token: 'first-token' })
    const res = await send('PUT', { id: gw.id, name: 'Edited', port: 18800, token: 'second-token' })
    expect(res.status).toBe(200)
    expect(gatewayResponseSchema.parse(await res.json()).gateway).toMatchObject({
      name: 'Edited',
      port: 18800,
      token_set: true,
    })
    for (const cleared of ['', null]) {
      await send('PUT', { id: gw.id, token: 'again' })
      const clear = await send('PUT', { id: gw.id, token: cleared })
      expect(gatewayResponseSchema.parse(await clear.json()).gateway.token_set).toBe(false)
    }
    const probeOwned = await send('PUT', { id: gw.id, status: 'online', latency: 3 })
    expect(probeOwned.status).toBe(400)
    expect((await details(probeOwned)).details).toEqual(
      expect.arrayContaining([{ path: 'status', message: 'set by probes: not writable' }]),
    )
    expect((await send('PUT', { id: 999999, name: 'x' })).status).toBe(404)
    expect((await t.app.request('/api/gateways/999999', { headers: viewer })).status).toBe(404)
  })

  it('keeps exactly one primary when 50 requests set different primaries at once', async () => {
    const racers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => create({ name: `race-${i}`, host: `10.9.0.${i}` })),
    )
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) => send('PUT', { id: racers[i % racers.length]?.id, is_primary: 1 })),
    )
    expect(responses.map((r) => r.status)).toEqual(Array(50).fill(200))
    const primaries = (await list()).filter((g) => g.is_primary === 1)
    expect(primaries).toHaveLength(1)
  })

  it('will not delete the primary while others exist; deletes anything else', async () => {
    const primary = (await list()).find((g) => g.is_primary === 1)
    const refused = await send('DELETE', { id: primary?.id })
    expect(refused.status).toBe(409)
    expect(await refused.json()).toEqual({
      error: 'this is the primary gateway: choose another primary first, then delete it',
    })
    const other = await create({ name: 'Doomed', host: 'doomed.internal' })
    const deleted = await send('DELETE', { id: other.id })
    expect(await deleted.json()).toEqual({ deleted: true, id: other.id })
    expect((await send('DELETE', { id: other.id })).status).toBe(404)
    expect((await send('DELETE', {})).status).toBe(400)
  })

  it('audits every change without the token', async () => {
    const gw = await create({ name: 'Audited', host: 'audit.internal', token: 'audit-secret-token' })
    await send('PUT', { id: gw.id, token: 'audit-secret-token-2', is_primary: true, host: 'audit2.internal' })
    await send('PUT', { id: gw.id, is_primary: false })
    await send('DELETE', { id: gw.id })
    const rows = await t.deps.db.query.auditLog.findMany({
      where: (a, { like }) => like(a.target, `gateway:Audited#${gw.id}`),
      orderBy: (a, { asc }) => asc(a.id),
    })
    expect(rows.map((r) => r.action)).toEqual([
      'gateway.create',
      'gateway.set_primary',
      'gateway.token_change',
      'gateway.update',
      'gateway.update',
      'gateway.delete',
    ])
    expect(rows[2]?.detail).toEqual({ token: 'changed' })
    expect(rows[3]?.detail).toEqual({
      changes: { host: ['audit.internal', 'audit2.internal'], is_primary: [false, true] },
      token: 'changed',
    })
    expect(JSON.stringify(rows)).not.toMatch(/audit-secret-token|v1:/)
  })
})

describe('GET /api/gateways/:id', () => {
  it('shows a gateway with its uptime, latency percentiles and latest probes', async () => {
    const row = await makeGateway(t.deps.db, 'detailed')
    for (const latencyMs of [10, 20, 30])
      await recordProbe(t.deps.db, row.id, onlineReading({ latencyMs }), 1)
    const res = await t.app.request(`/api/gateways/${row.id}`, { headers: viewer })
    const detail = gatewayDetailResponseSchema.parse(await res.json())
    expect(detail.gateway).toMatchObject({ id: row.id, status: 'online', latency: 30 })
    expect(detail.uptime['24h']).toBe(100)
    expect(detail.latency_ms.p50).toBe(20)
    expect(detail.probes_24h).toBe(3)
    expect(detail.recent_probes).toHaveLength(3)
  })
})
