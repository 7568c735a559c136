import { randomBytes } from 'node:crypto'
import {
  createAlertChannel,
  createGateway,
  createStatusPage,
  type GatewayRow,
  schema,
  type UserRow,
  updateUser,
  upsertModelPrice,
} from '@mc/db'
import { insertToolCalls } from '@mc/db/testing'
import { beatWorkerHeartbeat } from '@mc/runtime'
import { type Role, roleAtLeast } from '@mc/shared'
import { beforeAll, describe, expect, it } from 'vitest'
import { createRouteDeps } from '../app.ts'
import type { Access } from '../auth/authorize.ts'
import { makeAlertRule, makeIncident } from '../testing/alert-factories.ts'
import {
  makeApiKey,
  makeSignInCookie,
  makeUser,
  sameOriginHeaders,
  TEST_PASSWORD,
} from '../testing/factories.ts'
import { makePrimary, makeStandby } from '../testing/failover-factories.ts'
import { makeSession } from '../testing/session-factories.ts'
import { useTestApp } from '../testing/test-app.ts'
import { apiRoutes } from './index.ts'
import { rootRoutes } from './root.ts'

// A short probe deadline: nothing works the probe queue here, so manual probes answer at the deadline.
const t = useTestApp({ PROBE_TIMEOUT_MS: '200' })

/** Every route of the API, with a request that succeeds for anyone it admits. */
interface RouteCase {
  method: string
  path: string
  access: Access
  /** Mounted at `/` (rootRoutes) rather than under `/api`. */
  root?: true
  /** A stream that never ends by itself: only its status is read. */
  streams?: true
  /** What an admitted caller gets instead of a 2xx (a WebSocket endpoint answers a plain GET with 426). */
  admitted?: number
  request(): Promise<{ url: string; body?: unknown }>
}

let loginUser: UserRow
let target: UserRow
let gateway: GatewayRow
const fresh = (stem: string) => `${stem}-${randomBytes(4).toString('hex')}`

const table: RouteCase[] = [
  { method: 'GET', path: '/health', access: 'public', request: async () => ({ url: '/api/health' }) },
  {
    method: 'POST',
    path: '/auth/login',
    access: 'public',
    request: async () => ({
      url: '/api/auth/login',
      body: { username: loginUser.username, password: TEST_PASSWORD },
    }),
  },
  {
    method: 'POST',
    path: '/auth/logout',
    access: 'viewer',
    request: async () => ({ url: '/api/auth/logout' }),
  },
  { method: 'GET', path: '/auth/me', access: 'viewer', request: async () => ({ url: '/api/auth/me' }) },
  { method: 'GET', path: '/users', access: 'admin', request: async () => ({ url: '/api/users' }) },
  {
    method: 'POST',
    path: '/users',
    access: 'admin',
    request: async () => ({
      url: '/api/users',
      body: { username: fresh('new'), password: 'a-long-enough-password', role: 'viewer' },
    }),
  },
  {
    method: 'PATCH',
    path: '/users/:id',
    access: 'admin',
    request: async () => ({ url: `/api/users/${target.id}`, body: { role: 'operator' } }),
  },
  { method: 'GET', path: '/keys', access: 'admin', request: async () => ({ url: '/api/keys' }) },
  {
    method: 'POST',
    path: '/keys',
    access: 'admin',
    request: async () => ({ url: '/api/keys', body: { name: fresh('ci'), role: 'viewer' } }),
  },
  {
    method: 'DELETE',
    path: '/keys/:id',
    access: 'admin',
    request: async () => ({ url: `/api/keys/${(await makeApiKey(t.deps.db, 'viewer')).row.id}` }),
  },
  { method: 'GET', path: '/audit', access: 'admin', request: async () => ({ url: '/api/audit' }) },
  {
    method: 'GET',
    path: '/events',
    access: 'viewer',
    streams: true,
    request: async () => ({ url: '/api/events' }),
  },
  { method: 'GET', path: '/gateways', access: 'viewer', request: async () => ({ url: '/api/gateways' }) },
  {
    method: 'GET',
    path: '/gateways/:id',
    access: 'viewer',
    request: async () => ({ url: `/api/gateways/${gateway.id}` }),
  },
  {
    method: 'GET',
    path: '/gateways/:id/live',
    access: 'operator',
    admitted: 426,
    request: async () => ({ url: `/api/gateways/${gateway.id}/live` }),
  },
  {
    method: 'POST',
    path: '/gateways',
    access: 'admin',
    request: async () => ({ url: '/api/gateways', body: { name: fresh('gw'), host: '10.0.0.1' } }),
  },
  {
    method: 'PUT',
    path: '/gateways',
    access: 'admin',
    request: async () => ({ url: '/api/gateways', body: { id: gateway.id, port: 18790 } }),
  },
  {
    method: 'POST',
    path: '/gateways/health',
    access: 'operator',
    request: async () => {
      // Manual probes need a live worker (else 503).
      await beatWorkerHeartbeat(t.deps.redis, t.deps.config.REDIS_PREFIX, 'authorization-test:1')
      return { url: '/api/gateways/health', body: { id: gateway.id } }
    },
  },
  {
    method: 'GET',
    path: '/gateways/health/history',
    access: 'viewer',
    request: async () => ({ url: `/api/gateways/health/history?gateway_id=${gateway.id}` }),
  },
  {
    method: 'GET',
    path: '/gateways/health/recent',
    access: 'viewer',
    request: async () => ({ url: `/api/gateways/health/recent?ids=${gateway.id}` }),
  },
  {
    method: 'GET',
    path: '/gateways/status-changes',
    access: 'viewer',
    request: async () => ({ url: '/api/gateways/status-changes?limit=5' }),
  },
  {
    method: 'POST',
    path: '/gateways/failover',
    access: 'admin',
    request: async () => {
      await makePrimary(t.deps.db)
      return { url: '/api/gateways/failover', body: { to_id: (await makeStandby(t.deps.db)).id } }
    },
  },
  {
    method: 'GET',
    path: '/gateways/failovers',
    access: 'viewer',
    request: async () => ({ url: '/api/gateways/failovers?limit=5' }),
  },
  {
    method: 'GET',
    path: '/gateways/primary',
    access: 'viewer',
    request: async () => {
      await makePrimary(t.deps.db)
      return { url: '/api/gateways/primary' }
    },
  },
  {
    method: 'GET',
    path: '/gateways/:id/watcher',
    access: 'viewer',
    request: async () => ({ url: `/api/gateways/${gateway.id}/watcher` }),
  },
  {
    method: 'POST',
    path: '/gateways/:id/rotate-token',
    access: 'admin',
    request: async () => {
      const rotated = await createGateway(t.deps.db, {
        name: fresh('rotated'),
        host: '127.0.0.1',
        port: 1,
        token: t.deps.tokenCipher.encrypt('old'),
        isPrimary: false,
      })
      return { url: `/api/gateways/${rotated.id}/rotate-token`, body: { mode: 'manual' } }
    },
  },
  { method: 'GET', path: '/sessions', access: 'viewer', request: async () => ({ url: '/api/sessions' }) },
  {
    method: 'GET',
    path: '/sessions/:id',
    access: 'viewer',
    request: async () => ({ url: `/api/sessions/${(await makeSession(t.deps.db, gateway.id)).id}` }),
  },
  {
    method: 'GET',
    path: '/fleet/overview',
    access: 'viewer',
    request: async () => ({ url: '/api/fleet/overview' }),
  },
  { method: 'GET', path: '/tools', access: 'viewer', request: async () => ({ url: '/api/tools' }) },
  {
    method: 'GET',
    path: '/tools/:name',
    access: 'viewer',
    request: async () => {
      const name = fresh('tool')
      await insertToolCalls(t.deps.db, gateway.id, name, [{ endedAt: new Date(), durationMs: 5 }])
      return { url: `/api/tools/${name}` }
    },
  },
  {
    method: 'GET',
    path: '/gateways/:id/events',
    access: 'viewer',
    request: async () => ({ url: `/api/gateways/${gateway.id}/events` }),
  },
  {
    method: 'GET',
    path: '/gateways/:id/auth-failures',
    access: 'viewer',
    request: async () => ({ url: `/api/gateways/${gateway.id}/auth-failures` }),
  },
  { method: 'GET', path: '/usage', access: 'viewer', request: async () => ({ url: '/api/usage' }) },
  {
    method: 'GET',
    path: '/model-prices',
    access: 'viewer',
    request: async () => ({ url: '/api/model-prices' }),
  },
  {
    method: 'PUT',
    path: '/model-prices/:model',
    access: 'admin',
    request: async () => ({
      url: `/api/model-prices/${fresh('model')}`,
      body: { input_usd_per_mtok: 1, output_usd_per_mtok: 2 },
    }),
  },
  {
    method: 'DELETE',
    path: '/model-prices/:model',
    access: 'admin',
    request: async () => {
      const model = fresh('model')
      await upsertModelPrice(t.deps.db, model, { inputUsdPerMtok: 1, outputUsdPerMtok: 2 })
      return { url: `/api/model-prices/${model}` }
    },
  },
  {
    method: 'POST',
    path: '/connect',
    access: 'operator',
    request: async () => ({ url: '/api/connect', body: { agent_name: fresh('agent'), tool_name: 'codex' } }),
  },
  { method: 'GET', path: '/connect', access: 'viewer', request: async () => ({ url: '/api/connect' }) },
  {
    method: 'DELETE',
    path: '/connect',
    access: 'operator',
    request: async () => ({
      url: '/api/connect',
      body: { connection_id: (await liveConnection()).connection_id },
    }),
  },
  {
    method: 'POST',
    path: '/agents/:id/heartbeat',
    access: 'operator',
    request: async () => {
      const { agent_id, connection_id } = await liveConnection()
      return { url: `/api/agents/${agent_id}/heartbeat`, body: { connection_id } }
    },
  },
  { method: 'GET', path: '/agents', access: 'viewer', request: async () => ({ url: '/api/agents' }) },
  {
    method: 'GET',
    path: '/agents/:id',
    access: 'viewer',
    request: async () => ({ url: `/api/agents/${(await liveConnection()).agent_id}` }),
  },
  {
    method: 'DELETE',
    path: '/gateways',
    access: 'admin',
    request: async () => {
      const doomed = await createGateway(t.deps.db, {
        name: fresh('gw'),
        host: 'h',
        port: 1,
        token: null,
        isPrimary: false,
      })
      return { url: '/api/gateways', body: { id: doomed.id } }
    },
  },
  {
    method: 'GET',
    path: '/alerts/channels',
    access: 'admin',
    request: async () => ({ url: '/api/alerts/channels' }),
  },
  {
    method: 'POST',
    path: '/alerts/channels',
    access: 'admin',
    request: async () => ({
      url: '/api/alerts/channels',
      body: { name: fresh('ch'), type: 'email', config: { to: 'ops@example.com' } },
    }),
  },
  {
    method: 'PATCH',
    path: '/alerts/channels/:id',
    access: 'admin',
    request: async () => ({
      url: `/api/alerts/channels/${(await emailChannel()).id}`,
      body: { enabled: false },
    }),
  },
  {
    method: 'DELETE',
    path: '/alerts/channels/:id',
    access: 'admin',
    request: async () => ({ url: `/api/alerts/channels/${(await emailChannel()).id}` }),
  },
  {
    method: 'POST',
    path: '/alerts/channels/:id/test',
    access: 'admin',
    // No SMTP_URL here: the send fails at once, and the answer is still a 200 with the delivery.
    request: async () => ({ url: `/api/alerts/channels/${(await emailChannel()).id}/test` }),
  },
  {
    method: 'GET',
    path: '/alerts/rules',
    access: 'admin',
    request: async () => ({ url: '/api/alerts/rules' }),
  },
  {
    method: 'POST',
    path: '/alerts/rules',
    access: 'admin',
    request: async () => ({
      url: '/api/alerts/rules',
      body: { name: fresh('rule'), kind: 'gateway_down', channel_ids: [] },
    }),
  },
  {
    method: 'PATCH',
    path: '/alerts/rules/:id',
    access: 'admin',
    request: async () => ({
      url: `/api/alerts/rules/${(await makeAlertRule(t.deps.db)).id}`,
      body: { enabled: false },
    }),
  },
  {
    method: 'DELETE',
    path: '/alerts/rules/:id',
    access: 'admin',
    request: async () => ({ url: `/api/alerts/rules/${(await makeAlertRule(t.deps.db)).id}` }),
  },
  {
    method: 'GET',
    path: '/alerts/deliveries',
    access: 'admin',
    request: async () => ({ url: '/api/alerts/deliveries' }),
  },
  { method: 'GET', path: '/incidents', access: 'viewer', request: async () => ({ url: '/api/incidents' }) },
  {
    method: 'GET',
    path: '/incidents/:id',
    access: 'viewer',
    request: async () => ({ url: `/api/incidents/${(await makeIncident(t.deps.db)).id}` }),
  },
  {
    method: 'POST',
    path: '/incidents/:id/ack',
    access: 'operator',
    request: async () => ({ url: `/api/incidents/${(await makeIncident(t.deps.db)).id}/ack` }),
  },
  {
    method: 'POST',
    path: '/incidents/:id/resolve',
    access: 'operator',
    request: async () => ({ url: `/api/incidents/${(await makeIncident(t.deps.db)).id}/resolve` }),
  },
  {
    method: 'GET',
    path: '/maintenance',
    access: 'viewer',
    request: async () => ({ url: '/api/maintenance' }),
  },
  {
    method: 'POST',
    path: '/maintenance',
    access: 'operator',
    request: async () => ({ url: '/api/maintenance', body: maintenanceBody() }),
  },
  {
    method: 'DELETE',
    path: '/maintenance/:id',
    access: 'operator',
    request: async () => {
      const [window] = await t.deps.db
        .insert(schema.maintenanceWindows)
        .values({
          gatewayIds: [gateway.id],
          startsAt: new Date(),
          endsAt: new Date(Date.now() + 3_600_000),
          reason: 'x',
          createdBy: 'test',
        })
        .returning()
      return { url: `/api/maintenance/${window?.id}` }
    },
  },
  {
    method: 'GET',
    path: '/status-pages',
    access: 'viewer',
    request: async () => ({ url: '/api/status-pages' }),
  },
  {
    method: 'POST',
    path: '/status-pages',
    access: 'admin',
    request: async () => ({
      url: '/api/status-pages',
      body: { slug: fresh('page'), title: 'Status', gateway_ids: [gateway.id] },
    }),
  },
  {
    method: 'PATCH',
    path: '/status-pages/:id',
    access: 'admin',
    request: async () => ({
      url: `/api/status-pages/${(await statusPage()).id}`,
      body: { title: 'Renamed' },
    }),
  },
  {
    method: 'DELETE',
    path: '/status-pages/:id',
    access: 'admin',
    request: async () => ({ url: `/api/status-pages/${(await statusPage()).id}` }),
  },
  {
    method: 'GET',
    path: '/status/:slug',
    access: 'public',
    request: async () => ({ url: `/api/status/${(await statusPage()).slug}` }),
  },
  {
    method: 'GET',
    path: '/openapi.json',
    access: 'public',
    request: async () => ({ url: '/api/openapi.json' }),
  },
  { method: 'GET', path: '/docs', access: 'public', request: async () => ({ url: '/api/docs' }) },
  ...['swagger-ui.css', 'swagger-ui-bundle.js', 'swagger-initializer.js'].map(
    (file): RouteCase => ({
      method: 'GET',
      path: `/docs/${file}`,
      access: 'public',
      request: async () => ({ url: `/api/docs/${file}` }),
    }),
  ),
  {
    root: true,
    method: 'GET',
    path: '/metrics',
    access: 'viewer',
    request: async () => ({ url: '/metrics' }),
  },
  {
    root: true,
    method: 'GET',
    path: '/status/:slug',
    access: 'public',
    request: async () => ({ url: `/status/${(await statusPage()).slug}` }),
  },
  ...['page.js', 'page.css'].map(
    (file): RouteCase => ({
      root: true,
      method: 'GET',
      path: `/status/${file}`,
      access: 'public',
      request: async () => ({ url: `/status/${file}` }),
    }),
  ),
  ...['status.svg', 'uptime.svg'].map(
    (file): RouteCase => ({
      root: true,
      method: 'GET',
      path: `/badge/:slug/:gateway_id/${file}`,
      access: 'public',
      request: async () => ({ url: `/badge/${(await statusPage()).slug}/${gateway.id}/${file}` }),
    }),
  ),
]

/** A public status page of the fixed gateway, straight in the database. */
async function statusPage() {
  return createStatusPage(t.deps.db, {
    slug: fresh('page'),
    title: 'Status',
    description: '',
    gatewayIds: [gateway.id],
    public: true,
    showErrors: false,
  })
}

/** An email channel straight in the database. */
async function emailChannel() {
  return createAlertChannel(t.deps.db, {
    name: fresh('ch'),
    type: 'email',
    enabled: true,
    config: { to: ['ops@example.com'] },
    secret: null,
  })
}

function maintenanceBody() {
  const now = Math.floor(Date.now() / 1000)
  return { gateway_ids: [gateway.id], starts_at: now, ends_at: now + 3600, reason: 'upgrade' }
}

/** A fresh live CLI connection, registered with an operator key. */
async function liveConnection(): Promise<{ agent_id: number; connection_id: string }> {
  const res = await t.app.request('/api/connect', {
    method: 'POST',
    headers: { 'x-api-key': (await makeApiKey(t.deps.db, 'operator')).key },
    body: JSON.stringify({ agent_name: fresh('agent'), tool_name: 'codex' }),
  })
  return (await res.json()) as { agent_id: number; connection_id: string }
}

type Caller =
  | 'no credentials'
  | Role
  | 'revoked key'
  | 'disabled user'
  | 'expired sign-in'
  | 'admin key of an owner demoted to operator'
  | 'key of a disabled owner'
const CALLERS: Caller[] = [
  'no credentials',
  'viewer',
  'operator',
  'admin',
  'revoked key',
  'disabled user',
  'expired sign-in',
  'admin key of an owner demoted to operator',
  'key of a disabled owner',
]

/** Fresh credentials per request, through every way of presenting them. */
async function headersFor(caller: Caller): Promise<Record<string, string>> {
  const { db } = t.deps
  switch (caller) {
    case 'no credentials':
      return {}
    case 'viewer':
      return { 'x-api-key': (await makeApiKey(db, 'viewer')).key }
    case 'operator':
      return { authorization: `Bearer ${(await makeApiKey(db, 'operator')).key}` }
    case 'admin':
      return sameOriginHeaders(await makeSignInCookie(db, await makeUser(db, { role: 'admin' })))
    case 'revoked key': {
      const { key, row } = await makeApiKey(db, 'admin')
      await t.app.request(`/api/keys/${row.id}`, { method: 'DELETE', headers: await headersFor('admin') })
      return { 'x-api-key': key }
    }
    case 'disabled user':
      return sameOriginHeaders(
        await makeSignInCookie(db, await makeUser(db, { role: 'admin', disabled: true })),
      )
    case 'expired sign-in':
      return sameOriginHeaders(
        await makeSignInCookie(db, await makeUser(db, { role: 'admin' }), { expired: true }),
      )
    case 'admin key of an owner demoted to operator': {
      const owner = await makeUser(db, { role: 'admin' })
      const { key } = await makeApiKey(db, 'admin', owner)
      await updateUser(db, owner.id, { role: 'operator' })
      return { 'x-api-key': key }
    }
    case 'key of a disabled owner': {
      const owner = await makeUser(db, { role: 'admin', disabled: true })
      return { 'x-api-key': (await makeApiKey(db, 'admin', owner)).key }
    }
  }
}

// Each request from an address of its own: the many rejected keys here would otherwise add up to
// the per-address limit on failed key checks, which auth/rate-limits.test.ts covers.
let requests = 0
function fromOwnAddress() {
  requests++
  return { incoming: { socket: { remoteAddress: `198.18.${requests >> 8}.${requests & 255}` } } }
}

function expected(access: Access, caller: Caller): '2xx' | 401 | 403 {
  if (access === 'public') return '2xx'
  if (caller === 'viewer' || caller === 'operator' || caller === 'admin') {
    return roleAtLeast(caller, access) ? '2xx' : 403
  }
  if (caller === 'admin key of an owner demoted to operator')
    return roleAtLeast('operator', access) ? '2xx' : 403
  return 401
}

beforeAll(async () => {
  loginUser = await makeUser(t.deps.db, { role: 'viewer' })
  target = await makeUser(t.deps.db, { role: 'viewer' })
  gateway = await createGateway(t.deps.db, {
    name: 'fixed',
    host: 'gw.local',
    port: 18789,
    token: null,
    isPrimary: false,
  })
})

describe('authorization of every route', () => {
  it('covers exactly the routes the app registers, with the access each declares', () => {
    const deps = createRouteDeps(t.deps)
    const registered = [
      ...apiRoutes(deps).map((r) => `${r.method} /api${r.path} ${r.access}`),
      ...rootRoutes(deps).map((r) => `${r.method} ${r.path} ${r.access}`),
    ]
    const listed = table.map((r) => `${r.method} ${r.root ? '' : '/api'}${r.path} ${r.access}`)
    expect(listed.sort()).toEqual(registered.sort())
  })

  for (const route of table) {
    for (const caller of CALLERS) {
      const want = expected(route.access, caller)
      const shown = want === '2xx' && route.admitted ? route.admitted : want
      it(`${route.method} ${route.root ? '' : '/api'}${route.path} as ${caller} → ${shown}`, async () => {
        const { url, body } = await route.request()
        const headers = { 'content-type': 'application/json', ...(await headersFor(caller)) }
        const res = await t.app.request(
          url,
          { method: route.method, headers, body: body === undefined ? undefined : JSON.stringify(body) },
          fromOwnAddress(),
        )
        const streaming = route.streams && res.ok
        const text = streaming ? 'a stream' : await res.text()
        if (streaming) await res.body?.cancel()
        if (want === '2xx' && route.admitted) return void expect(res.status, text).toBe(route.admitted)
        if (want === '2xx') expect(res.status, text).toBeGreaterThanOrEqual(200)
        if (want === '2xx') expect(res.status, text).toBeLessThan(300)
        else expect(res.status, text).toBe(want)
      })
    }
  }
})
