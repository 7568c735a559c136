import { healthResponseSchema } from '@mc/shared'
import { beforeEach, describe, expect, it } from 'vitest'
import { setupApp } from './harness/setup-app.ts'

const app = setupApp()

const checkRow = (id: string) => app.page.locator(`li[data-check="${id}"]`)

describe('settings', () => {
  beforeEach(() => app.signIn())

  it('is served on a deep link by the SPA fallback and opens on System', async () => {
    const response = await app.page.goto(app.url('/settings'))
    expect(response?.status()).toBe(200)
    expect(response?.headers()['content-type']).toMatch(/^text\/html/)

    await app.page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor()
    await app.page.waitForURL((url) => url.pathname === '/settings/system')
    // The URL changes a moment before the redirect's render: wait for the highlighted tab itself.
    const tabs = app.page.getByRole('navigation', { name: 'Settings' })
    await tabs.locator('a[aria-current="page"]', { hasText: 'System' }).waitFor()
    const settingsLink = app.page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Settings' })
    expect(await settingsLink.getAttribute('aria-current')).toBe('page')
  })

  it('shows Database, Redis, Worker and Schedules as ok, with latencies, the last heartbeat and the API version', async () => {
    const health = healthResponseSchema.parse(await (await fetch(app.url('/api/health'))).json())
    expect(health.version).not.toBe('')

    await app.page.goto(app.url('/settings'))
    await checkRow('db').waitFor()

    const expectRow = async (id: string, name: string, detail: RegExp, metric: RegExp) => {
      const row = checkRow(id)
      expect(await row.getAttribute('data-ok')).toBe('true')
      expect(await row.getByRole('img').getAttribute('aria-label')).toBe(`${name} ok`)
      expect(await row.getByRole('img').getAttribute('data-tone')).toBe('ok')
      expect(await row.locator('[data-field="detail"]').textContent()).toMatch(detail)
      expect(await row.locator('[data-field="metric"]').textContent()).toMatch(metric)
    }
    await expectRow('db', 'Database', /^ok$/, /^\d+ ms$/)
    await expectRow('redis', 'Redis', /^ok$/, /^\d+ ms$/)
    await expectRow('worker', 'Worker', /^ok · [1-9]\d* alive$/, /^last heartbeat \d+ s ago$/)
    await expectRow('schedules', 'Schedules', /^ok$/, /^all in place$/)

    expect(await app.page.getByTestId('api-version').textContent()).toBe(health.version)
    expect(await app.page.getByTestId('api-uptime').textContent()).toMatch(/^\d+ (s|min)/)
  })

  it('says in the header what it checked and that it is ok while everything is up', async () => {
    await app.page.goto(app.url('/gateways'))
    const indicator = app.page.getByTestId('system-status')
    await indicator.getByText('API, database, Redis, worker: ok').waitFor()
    expect(await indicator.getAttribute('data-tone')).toBe('ok')
    expect(await indicator.locator('[data-tone="ok"]').count()).toBe(1)
  })
})
