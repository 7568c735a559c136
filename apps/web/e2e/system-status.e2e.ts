import { describe, expect, it } from 'vitest'
import { setupApp } from './harness/setup-app.ts'

const app = setupApp()

/** The header re-checks `/api/health` every 15 s on its own; allow a few rounds. */
const CHANGE_TIMEOUT_MS = 75_000

describe('system status indicator', () => {
  it('follows the services: ok, then worker offline, then API unavailable', {
    timeout: 240_000,
  }, async () => {
    await app.signIn()
    await app.page.goto(app.url('/settings/system'))
    const indicator = app.page.getByTestId('system-status')
    await indicator.getByText('API, database, Redis, worker: ok').waitFor()
    expect(await indicator.getAttribute('data-tone')).toBe('ok')

    // No reloads from here on: the page must notice by itself.
    await app.stack.worker.stop()
    await indicator.getByText('Worker offline').waitFor({ timeout: CHANGE_TIMEOUT_MS })
    expect(await indicator.getAttribute('data-tone')).toBe('warn')
    expect(await app.page.locator('li[data-check="worker"]').getAttribute('data-ok')).toBe('false')
    expect(await app.page.locator('li[data-check="db"]').getAttribute('data-ok')).toBe('true')

    await app.stack.api.stop()
    await indicator.getByText('API unavailable').waitFor({ timeout: CHANGE_TIMEOUT_MS })
    expect(await indicator.getAttribute('data-tone')).toBe('error')
    expect(await indicator.locator('[data-tone="error"]').getAttribute('class')).toContain('animate-pulse')
    await app.page.getByRole('alert').getByText('Could not check the system').waitFor()
  })
})
