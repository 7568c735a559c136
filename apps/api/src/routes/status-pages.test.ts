import { createGateway, type GatewayRow, listAudit, recordProbe } from '@mc/db'
import { failedReading, onlineReading } from '@mc/db/testing'
import {
  publicStatusResponseSchema,
  STATUS_PAGE_DAYS,
  type StatusPage,
  statusPageResponseSchema,
  statusPagesResponseSchema,
} from '@mc/shared'
import { beforeAll, describe, expect, it } from 'vitest'
import { type Call, callerWithRole } from '../testing/alert-factories.ts'
import { makeSignInCookie, makeUser } from '../testing/factories.ts'
import { useTestApp } from '../testing/test-app.ts'

const t = useTestApp({ STATUS_PAGE_REFRESH_S: '7' })
let viewer: Call
let admin: Call
let gateway: GatewayRow
let other: GatewayRow

const SECRET_HOST = 'gw-internal-7.corp.example'
const SECRET_PORT = 43_117
const SECRET_TOKEN = 'tok-never-shown-3f9a'
const SECRET_ERROR = `connect ECONNREFUSED ${SECRET_HOST}:${SECRET_PORT}`

/** What a browser without cookies gets. */
const signedOut = (url: string, headers: Record<string, string> = {}) => t.app.request(url, { headers })

async function createPage(body: Record<string, unknown>): Promise<StatusPage> {
  const res = await admin('POST', '/api/status-pages', body)
  expect(res.status, res.text).toBe(201)
  return statusPageResponseSchema.parse(res.body).status_page
}

beforeAll(async () => {
  ;[viewer, admin] = await Promise.all([callerWithRole(t, 'viewer'), callerWithRole(t, 'admin')])
  gateway = await createGateway(t.deps.db, {
    name: 'Public API',
    host: SECRET_HOST,
    port: SECRET_PORT,
    token: t.deps.tokenCipher.encrypt(SECRET_TOKEN),
    isPrimary: false,
  })
  other = await createGateway(t.deps.db, {
    name: 'Elsewhere',
    host: 'h',
    port: 1,
    token: null,
    isPrimary: false,
  })
  await recordProbe(t.deps.db, gateway.id, failedReading('offline', SECRET_ERROR), 1)
})

describe('status page administration', () => {
  it('creates, lists, updates and deletes pages, audited; viewers may only list', async () => {
    const page = await createPage({ slug: 'crud-page', title: 'CRUD', gateway_ids: [other.id, gateway.id] })
    expect(page).toMatchObject({
      slug: 'crud-page',
      description: '',
      gateway_ids: [other.id, gateway.id],
      public: false,
      show_errors: false,
    })
    const listed = statusPagesResponseSchema.parse((await viewer('GET', '/api/status-pages')).body)
    expect(listed.status_pages.map((p) => p.slug)).toContain('crud-page')
    expect(
      (await viewer('POST', '/api/status-pages', { slug: 'x-y', title: 'x', gateway_ids: [] })).status,
    ).toBe(403)
    expect((await viewer('PATCH', `/api/status-pages/${page.id}`, { title: 'x' })).status).toBe(403)
    expect((await viewer('DELETE', `/api/status-pages/${page.id}`)).status).toBe(403)

    const patched = await admin('PATCH', `/api/status-pages/${page.id}`, { title: 'Renamed', public: true })
    expect(statusPageResponseSchema.parse(patched.body).status_page).toMatchObject({
      title: 'Renamed',
      public: true,
      slug: 'crud-page',
    })
    expect((await admin('DELETE', `/api/status-pages/${page.id}`)).body).toEqual({
      deleted: true,
      id: page.id,
    })
    expect((await admin('DELETE', `/api/status-pages/${page.id}`)).status).toBe(404)
    expect((await admin('PATCH', `/api/status-pages/${page.id}`, { title: 'x' })).status).toBe(404)

    const audit = await listAudit(t.deps.db, { limit: 50 })
    const actions = audit.rows
      .filter((row) => row.target === `status_page:crud-page#${page.id}`)
      .map((r) => r.action)
    expect(actions.sort()).toEqual(['status_page.create', 'status_page.delete', 'status_page.update'])
  })

  it('refuses a taken slug with 409 and bad input with a 400 naming the field', async () => {
    await createPage({ slug: 'taken', title: 'Taken', gateway_ids: [] })
    const duplicate = await admin('POST', '/api/status-pages', {
      slug: 'taken',
      title: 'Again',
      gateway_ids: [],
    })
    expect(duplicate.status, duplicate.text).toBe(409)
    expect((duplicate.body as { error: string }).error).toMatch(/taken/)
    const second = await createPage({ slug: 'second', title: 'Second', gateway_ids: [] })
    expect((await admin('PATCH', `/api/status-pages/${second.id}`, { slug: 'taken' })).status).toBe(409)

    const base = { slug: 'fine-slug', title: 'Fine', gateway_ids: [gateway.id] }
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ ...base, slug: 'Not A Slug' }, 'slug', /lowercase/],
      [{ ...base, slug: 'x' }, 'slug', /at least 2/],
      [{ ...base, title: '' }, 'title', /required/],
      [{ ...base, gateway_ids: [gateway.id, gateway.id] }, 'gateway_ids', /twice/],
      [{ ...base, gateway_ids: [gateway.id, 987_654] }, 'gateway_ids', /unknown gateway ids: 987654/],
      [{ ...base, public: 'yes' }, 'public', /./],
      [{ ...base, host: 'x' }, 'host', /unknown field/],
    ]
    for (const [body, path, message] of cases) {
      const res = await admin('POST', '/api/status-pages', body)
      expect(res.status, JSON.stringify(body)).toBe(400)
      const details = (res.body as { details: { path: string; message: string }[] }).details
      expect(details.find((d) => d.path === path)?.message, res.text).toMatch(message)
    }
    expect((await admin('PATCH', `/api/status-pages/${second.id}`, {})).status).toBe(400)
    expect((await admin('PATCH', '/api/status-pages/nope', { title: 'x' })).status).toBe(400)
  })
})

describe('public status pages', () => {
  it('serves a public page signed out, as HTML and JSON, without host, port, token or error text', async () => {
    await createPage({
      slug: 'public-page',
      title: 'Acme <status>',
      description: 'Our "gateways"',
      gateway_ids: [gateway.id, other.id],
      public: true,
    })
    const json = await signedOut('/api/status/public-page')
    expect(json.status).toBe(200)
    expect(json.headers.get('cache-control')).toBe('public, max-age=7')
    const text = await json.text()
    const status = publicStatusResponseSchema.parse(JSON.parse(text))
    expect(status).toMatchObject({ slug: 'public-page', overall: 'outage', refresh_s: 7 })
    expect(status.gateways.map((g) => [g.name, g.status, g.last_error])).toEqual([
      ['Public API', 'offline', null],
      ['Elsewhere', 'unknown', null],
    ])
    expect(status.gateways[0]?.days).toHaveLength(STATUS_PAGE_DAYS)
    expect(status.gateways[0]?.days.at(-1)).toMatchObject({ uptime: 0 })

    const html = await signedOut('/status/public-page')
    expect(html.status).toBe(200)
    expect(html.headers.get('content-type')).toMatch(/text\/html/)
    expect(html.headers.get('content-security-policy')).toMatch(/script-src 'self'/)
    const page = await html.text()
    expect(page).toContain('Acme &lt;status&gt;')
    expect(page).toContain('Our &quot;gateways&quot;')
    expect(page).toMatch(/data-role="status">offline</)
    expect(page).toContain('All systems are down')

    for (const body of [text, page]) {
      for (const secret of [SECRET_HOST, String(SECRET_PORT), SECRET_TOKEN, 'ECONNREFUSED']) {
        expect(body).not.toContain(secret)
      }
    }
  })

  it("shows the gateways' errors only when the page opts in", async () => {
    await createPage({
      slug: 'with-errors',
      title: 'E',
      gateway_ids: [gateway.id],
      public: true,
      show_errors: true,
    })
    const status = publicStatusResponseSchema.parse(await (await signedOut('/api/status/with-errors')).json())
    expect(status.gateways[0]?.last_error).toBe(SECRET_ERROR)
    expect(await (await signedOut('/status/with-errors')).text()).toContain(SECRET_ERROR)
  })

  it('answers 404 signed out for a private page, like an unknown slug; signed in, shows it uncached', async () => {
    await createPage({ slug: 'private-page', title: 'Private', gateway_ids: [gateway.id] })
    for (const url of [
      '/status/private-page',
      '/api/status/private-page',
      '/status/no-such',
      '/api/status/no-such',
    ]) {
      const res = await signedOut(url)
      expect(res.status, url).toBe(404)
      expect(await res.json()).toHaveProperty('error')
    }
    // A bad key is no sign-in either.
    expect((await signedOut('/api/status/private-page', { 'x-api-key': 'mc_nonsense' })).status).toBe(404)
    const seen = await viewer('GET', '/api/status/private-page')
    expect(seen.status).toBe(200)
    expect(publicStatusResponseSchema.parse(seen.body).title).toBe('Private')
    const cookie = await makeSignInCookie(t.deps.db, await makeUser(t.deps.db, { role: 'viewer' }))
    const res = await t.app.request('/api/status/private-page', { headers: { cookie } })
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('private, no-store')
    expect((await signedOut('/status/Not%20a%20slug')).status).toBe(404)
  })

  it('serves its script and style, linked by content hash so caches may keep them for good', async () => {
    await createPage({ slug: 'assets', title: 'Assets', gateway_ids: [gateway.id], public: true })
    const page = await (await signedOut('/status/assets')).text()
    const linked = [...page.matchAll(/(?:src|href)="(\/status\/page\.(?:js|css)\?v=[0-9a-f]{12})"/g)]
    expect(linked).toHaveLength(2)
    const script = await signedOut(linked.find((m) => m[1]?.includes('.js'))?.[1] ?? '')
    expect(script.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(script.headers.get('content-type')).toMatch(/javascript/)
    const source = await script.text()
    // Parses as a script, and carries the server's renderer.
    expect(() => new Function(source)).not.toThrow()
    expect(source).toContain('data-gateway-id')
    expect((await signedOut('/status/page.css')).headers.get('content-type')).toMatch(/text\/css/)
  })
})

describe('badges', () => {
  beforeAll(async () => {
    await createPage({ slug: 'badges', title: 'B', gateway_ids: [gateway.id], public: true })
    await createPage({ slug: 'badges-private', title: 'B', gateway_ids: [gateway.id, other.id] })
  })

  it('render the status of a gateway on a public page, and change with it', async () => {
    const offline = await signedOut(`/badge/badges/${gateway.id}/status.svg`)
    expect(offline.status).toBe(200)
    expect(offline.headers.get('content-type')).toMatch(/image\/svg\+xml/)
    expect(offline.headers.get('cache-control')).toBe('public, max-age=30')
    expect(offline.headers.get('cross-origin-resource-policy')).toBe('cross-origin')
    const etag = offline.headers.get('etag') ?? ''
    const svg = await offline.text()
    expect(svg).toMatch(/^<svg/)
    expect(svg).toContain('Public API')
    expect(svg).toContain('>offline<')
    expect(svg).not.toContain(SECRET_HOST)

    const again = await signedOut(`/badge/badges/${gateway.id}/status.svg`, { 'if-none-match': etag })
    expect(again.status).toBe(304)

    await recordProbe(t.deps.db, gateway.id, onlineReading(), 1)
    const online = await signedOut(`/badge/badges/${gateway.id}/status.svg`, { 'if-none-match': etag })
    expect(online.status).toBe(200)
    expect(await online.text()).toContain('>online<')
  })

  it('render uptime over a period', async () => {
    const res = await signedOut(`/badge/badges/${gateway.id}/uptime.svg?period=7d`)
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('public, max-age=60')
    const svg = await res.text()
    expect(svg).toContain('uptime 7d')
    expect(svg).toMatch(/\d+\.\d\d%/)
    expect(await (await signedOut(`/badge/badges/${gateway.id}/uptime.svg`)).text()).toContain('uptime 24h')
    for (const query of ['period=1y', 'period=', 'other=1']) {
      const bad = await signedOut(`/badge/badges/${gateway.id}/uptime.svg?${query}`)
      expect(bad.status, query).toBe(400)
    }
  })

  it('are 404 for a private page, an unlisted gateway or an unknown slug', async () => {
    for (const url of [
      `/badge/badges-private/${gateway.id}/status.svg`,
      `/badge/badges/${other.id}/status.svg`,
      `/badge/nope/${gateway.id}/uptime.svg`,
      `/badge/badges/987654/status.svg`,
    ]) {
      const res = await signedOut(url)
      expect(res.status, url).toBe(404)
      expect(await res.json()).toHaveProperty('error')
    }
    expect((await signedOut('/badge/badges/x/status.svg')).status).toBe(400)
  })
})
