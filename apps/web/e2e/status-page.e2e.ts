import { type FakeGateway, startFakeGateway } from '@mc/openclaw/fake'
import { gatewayResponseSchema } from '@mc/shared'
import type { BrowserContext } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiCall } from './harness/api-call.ts'
import { setupApp } from './harness/setup-app.ts'
import { signInByApi } from './harness/sign-in.ts'

// The shortest probe interval the worker accepts and the shortest page refresh, so a stopped
// gateway shows on the open page within seconds.
const PROBE_INTERVAL_S = 5
const app = setupApp({
  env: { PROBE_INTERVAL_S: String(PROBE_INTERVAL_S), PROBE_TIMEOUT_MS: '2000', STATUS_PAGE_REFRESH_S: '2' },
})
/** A probe interval, the probe's deadline, a page refresh and a margin for a loaded machine. */
const WITHIN_ONE_PROBE_MS = (PROBE_INTERVAL_S + 2 + 2 + 20) * 1000
const TOKEN = 'e2e-status-token'

describe('a public status page', () => {
  let fake: FakeGateway | undefined
  /** An admin's own browser context: the tabs under test stay signed out. */
  let admin: BrowserContext
  let gatewayId: number
  const adminApi = (method: 'POST', path: string, data: unknown) =>
    apiCall(admin, app.stack.baseUrl, method, path, data)

  beforeAll(async () => {
    fake = await startFakeGateway({ token: TOKEN })
    admin = await app.browser.newContext()
    await signInByApi(admin, app.stack.baseUrl, app.stack.admin)
    const body = { name: 'Public Gateway', host: '127.0.0.1', port: fake.port, token: TOKEN }
    gatewayId = gatewayResponseSchema.parse(await adminApi('POST', '/api/gateways', body)).gateway.id
    const page = { title: 'Acme status', gateway_ids: [gatewayId] }
    await adminApi('POST', '/api/status-pages', { ...page, slug: 'acme', public: true })
    await adminApi('POST', '/api/status-pages', { ...page, slug: 'acme-internal', public: false })
  })
  afterAll(async () => {
    await fake?.stop()
    await admin?.close()
  })

  it('loads signed out, shows the gateway go down without a reload, and its badge follows', {
    timeout: 120_000,
  }, async () => {
    const { page } = app
    expect(await page.context().cookies()).toEqual([])
    const response = await page.goto(app.url('/status/acme'))
    expect(response?.status()).toBe(200)
    await page.getByRole('heading', { level: 1, name: 'Acme status' }).waitFor()
    const status = page.locator(`article[data-gateway-id="${gatewayId}"] [data-role="status"]`)
    await status.getByText('online', { exact: true }).waitFor({ timeout: WITHIN_ONE_PROBE_MS })
    expect(await page.locator('[data-role="overall"]').textContent()).toBe('All systems operational')
    expect(await page.locator(`article[data-gateway-id="${gatewayId}"] .bars i`).count()).toBe(90)
    expect(await page.content()).not.toContain(String(fake?.port))

    const badgeUrl = `/badge/acme/${gatewayId}/status.svg`
    const badge = (url: string) =>
      page.evaluate(async (src) => {
        const text = await (await fetch(src, { cache: 'no-store' })).text()
        const img = new Image()
        img.src = src
        await img.decode()
        return { text, width: img.naturalWidth }
      }, url)
    const online = await badge(badgeUrl)
    expect(online.text).toContain('>online<')
    expect(online.width).toBeGreaterThan(0)
    expect((await badge(`/badge/acme/${gatewayId}/uptime.svg?period=7d`)).text).toContain('uptime 7d')

    // Marks this document: a reload would lose the mark.
    await page.evaluate(() => {
      ;(window as unknown as { marked: boolean }).marked = true
    })
    await fake?.stop()
    fake = undefined
    await status.getByText('offline', { exact: true }).waitFor({ timeout: WITHIN_ONE_PROBE_MS })
    expect(await page.evaluate(() => (window as unknown as { marked?: boolean }).marked)).toBe(true)
    expect(await page.locator('[data-role="overall"]').textContent()).toBe('All systems are down')
    expect((await badge(badgeUrl)).text).toContain('>offline<')
  })

  it('is a 404 signed out when not public, and so are its badges', async () => {
    const { page } = app
    expect((await page.goto(app.url('/status/acme-internal')))?.status()).toBe(404)
    expect((await page.goto(app.url(`/badge/acme-internal/${gatewayId}/status.svg`)))?.status()).toBe(404)
    expect((await page.goto(app.url('/api/status/acme-internal')))?.status()).toBe(404)
  })
})
