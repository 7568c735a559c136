import { type FakeGateway, startFakeGateway } from '@mc/openclaw/fake'
import { gatewayResponseSchema } from '@mc/shared'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { setupApp } from './harness/setup-app.ts'

// Probes every 5 s (the least allowed), so a manual rotation's token is promoted within the test.
const PROBE_INTERVAL_S = 5
const app = setupApp({ env: { PROBE_INTERVAL_S: String(PROBE_INTERVAL_S) } })

/** An automatic rotation waits for the worker: log in, config.get, config.patch, the verifying probe. */
const ROTATION_WAIT_MS = 30_000
/** The worker tries the pending token on the next probes after the current one is refused. */
const PROMOTION_WAIT_MS = 4 * PROBE_INTERVAL_S * 1000

const tokenPanel = () => app.page.getByRole('region', { name: 'Token', exact: true })
const stat = (id: string) => tokenPanel().locator(`[data-stat="${id}"]`)
const settingsTabs = () => app.page.getByRole('navigation', { name: 'Settings' })
const auditRows = (action: string) => app.page.locator(`tr[data-action="${action}"]`)

async function register(body: Record<string, unknown>) {
  return gatewayResponseSchema.parse(await app.api('POST', '/api/gateways', body)).gateway
}

async function openAuditLog() {
  await app.page.getByRole('link', { name: 'Settings' }).first().click()
  await settingsTabs().getByRole('link', { name: 'Audit log' }).click()
  await app.page.waitForURL((url) => url.pathname === '/settings/audit')
}

describe('gateway token rotation', () => {
  const fakes: FakeGateway[] = []
  beforeEach(() => app.signIn())
  afterAll(() => Promise.all(fakes.map((fake) => fake.stop())))

  it('an admin rotates a loopback gateway’s token automatically, sees its new age and the audit steps', {
    timeout: 90_000,
  }, async () => {
    const { page } = app
    const oldToken = 'e2e-local-old-token'
    const fake = await startFakeGateway({ token: oldToken })
    fakes.push(fake)
    const gateway = await register({
      name: 'Local',
      host: '127.0.0.1',
      port: fake.port,
      token: oldToken,
      is_primary: true,
    })

    await page.goto(app.url(`/gateways/${gateway.id}`))
    await page.getByRole('heading', { level: 1, name: 'Local' }).waitFor()
    expect(await stat('token-rotated').textContent()).toContain('Never')
    expect(await stat('token-schedule').textContent()).toContain('Off')

    await tokenPanel().getByRole('button', { name: 'Rotate token' }).click()
    const dialog = page.getByRole('dialog', { name: 'Rotate the token of Local' })
    await dialog.waitFor()
    expect(await dialog.getByRole('radio', { name: /^Automatic/ }).isChecked()).toBe(true)
    await dialog.getByRole('button', { name: 'Rotate token' }).click()

    await dialog
      .getByTestId('rotation-done')
      .getByText(/^Local now uses a new token, set just now\./)
      .waitFor({ timeout: ROTATION_WAIT_MS })
    // The gateway took a new token; the page never shows it.
    expect(fake.token).not.toBe(oldToken)
    expect(await page.content()).not.toContain(fake.token)
    await dialog.getByRole('button', { name: 'Done' }).click()
    await dialog.waitFor({ state: 'detached' })

    // The page shows the new age and the rotation, and so does the card.
    await stat('token-age').getByText('just now').waitFor()
    await stat('token-rotated')
      .getByText(/^automatic · /)
      .waitFor()
    await page.getByRole('link', { name: 'Gateways' }).first().click()
    await page
      .locator('article[data-gateway="Local"] [data-field="token"]')
      .getByText('Token: set just now')
      .waitFor()

    // Settings → Audit log: each step, by the admin, and never the token.
    await openAuditLog()
    await auditRows('gateway.token_rotation.verified').waitFor()
    expect(await auditRows('gateway.token_rotation.requested').textContent()).toContain('Local')
    expect(await auditRows('gateway.token_rotation.patched').count()).toBe(1)
    expect(await auditRows('gateway.token_rotation.failed').count()).toBe(0)
    expect(await page.content()).not.toContain(fake.token)
  })

  it('where the gateway grants no admin scope, the admin switches to manual, gets the token once and it is promoted', {
    timeout: 120_000,
  }, async () => {
    const { page } = app
    const oldToken = 'e2e-remote-old-token'
    const fake = await startFakeGateway({ token: oldToken, adminAllowed: false })
    fakes.push(fake)
    const gateway = await register({ name: 'Remote', host: '127.0.0.1', port: fake.port, token: oldToken })

    await page.goto(app.url('/gateways'))
    const card = page.locator('article[data-gateway="Remote"]')

    // A schedule, judged by the API like every other field.
    await card.getByRole('button', { name: 'Edit' }).click()
    const edit = page.getByRole('dialog', { name: 'Edit Remote' })
    const every = edit.getByLabel('Rotate automatically every (days)')
    await every.fill('0')
    await edit.getByRole('button', { name: 'Save changes' }).click()
    await edit.getByText('must be from 1 to 3650 days, or null for no schedule').waitFor()
    await every.fill('30')
    await edit.getByRole('button', { name: 'Save changes' }).click()
    await edit.waitFor({ state: 'detached' })

    // Rotate from the card's actions this time.
    await card.getByRole('button', { name: 'Rotate token' }).click()
    const dialog = page.getByRole('dialog', { name: 'Rotate the token of Remote' })
    await dialog.getByRole('button', { name: 'Rotate token' }).click()

    // 409: no admin scope, with the way out.
    const refusal = dialog.getByRole('alert')
    await refusal.locator('[data-reason="no_admin_scope"]').waitFor({ timeout: ROTATION_WAIT_MS })
    expect(await refusal.textContent()).toMatch(/Rotate manually instead/)
    expect(fake.token).toBe(oldToken)
    await refusal.getByRole('button', { name: 'Switch to manual' }).click()
    expect(await dialog.getByRole('radio', { name: /^Manual/ }).isChecked()).toBe(true)
    await dialog.getByRole('button', { name: 'Rotate token' }).click()

    const shown = page.getByRole('dialog', { name: 'New token for Remote' })
    await shown.waitFor()
    expect(await shown.textContent()).toMatch(/will not be shown again/)
    const token = (await shown.getByTestId('rotation-token').textContent())?.trim() ?? ''
    expect(token.length).toBeGreaterThanOrEqual(32)
    expect(await shown.getByTestId('rotation-command').textContent()).toBe(
      `openclaw config set gateway.auth.token '${token}'`,
    )
    expect(await shown.getByTestId('rotation-expiry').textContent()).toMatch(/waits until \d{4}-\d\d-\d\d /)
    await shown.getByRole('button', { name: 'Copy' }).first().click()
    await shown.getByText(/Copied to the clipboard|the command is selected/).waitFor()

    // Escape does not close it; Done does, and forgets the token: not in the page, not after a reload.
    await page.keyboard.press('Escape')
    expect(await shown.isVisible()).toBe(true)
    await shown.getByRole('button', { name: 'Done' }).click()
    await shown.waitFor({ state: 'detached' })
    await card.locator('[data-field="token-pending"]').waitFor()
    expect(await page.content()).not.toContain(token)
    expect(await page.evaluate(() => JSON.stringify({ ...localStorage }))).not.toContain(token)

    // The owner applies it on the gateway's host; the worker's probes find it works and switch.
    fake.setToken(token)
    await page.goto(app.url(`/gateways/${gateway.id}`))
    await stat('token-rotated')
      .getByText(/^manual · /)
      .waitFor({ timeout: PROMOTION_WAIT_MS })
    expect(await stat('token-pending').textContent()).toContain('None')
    expect(await stat('token-schedule').textContent()).toContain('every 30 days')
    expect(await page.content()).not.toContain(token)

    await openAuditLog()
    await auditRows('gateway.token_rotation.promoted').waitFor()
    expect(await auditRows('gateway.token_rotation.failed').first().textContent()).toContain('Remote')
    expect(await page.content()).not.toContain(token)
  })
})
