import { randomBytes } from 'node:crypto'
import { meResponseSchema } from '@mc/shared'
import { describe, expect, it } from 'vitest'
import { setupApp } from './harness/setup-app.ts'
import { signInWithForm } from './harness/sign-in.ts'

const app = setupApp()

const settingsTabs = () => app.page.getByRole('navigation', { name: 'Settings' })
const pathname = () => new URL(app.page.url()).pathname
const keyRow = (name: string) => app.page.locator(`tr[data-key-name="${name}"]`)

/** `GET /api/auth/me` from the test process, as a tool would call it with an API key. */
async function meWithKey(key: string) {
  const res = await fetch(app.url('/api/auth/me'), { headers: { 'x-api-key': key } })
  return { status: res.status, body: res.ok ? meResponseSchema.parse(await res.json()) : null }
}

async function signOut() {
  await app.page.getByTestId('user-menu').click()
  await app.page.getByRole('button', { name: 'Sign out' }).click()
  await app.page.waitForURL((url) => url.pathname === '/login')
}

describe('team access', () => {
  it('an admin creates an operator key that is shown exactly once, revokes it, and finds both in the audit log', {
    timeout: 90_000,
  }, async () => {
    const { page } = app
    // Not signed in: the deep link goes to the login page, which remembers it and shows system status.
    await page.goto(app.url('/settings/api-keys'))
    await page.waitForURL((url) => url.pathname === '/login')
    expect(new URL(page.url()).searchParams.get('next')).toBe('/settings/api-keys')
    await page.getByTestId('system-status').getByText('API, database, Redis, worker: ok').waitFor()

    // A wrong password is refused on the form, without leaving it.
    await page.getByLabel('Username').fill('admin')
    await page.getByLabel('Password').fill('not-the-password')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.getByRole('alert').getByText('invalid username or password').waitFor()

    await signInWithForm(page, app.stack.admin)
    expect(pathname()).toBe('/settings/api-keys')
    expect(await page.getByTestId('user-menu').textContent()).toContain('admin')
    await settingsTabs().getByRole('link', { name: 'API keys' }).waitFor()
    const tabs = (await settingsTabs().getByRole('link').allTextContents()).map((text) => text.trim())
    expect(tabs).toEqual(['System', 'Users', 'API keys', 'Status pages', 'Audit log'])

    // Create an operator key (operator is the default role).
    const form = page.getByRole('form', { name: 'Create key' })
    await form.getByLabel('Name').fill('e2e-deploy')
    expect(await form.getByLabel('Role').inputValue()).toBe('operator')
    await form.getByRole('button', { name: 'Create key' }).click()

    const dialog = page.getByRole('dialog', { name: 'API key created' })
    await dialog.waitFor()
    expect(await dialog.textContent()).toMatch(/will not be shown again/)
    const key = (await dialog.getByTestId('new-api-key').textContent())?.trim() ?? ''
    expect(key).toMatch(/^mc_/)
    expect(key.length).toBeGreaterThanOrEqual(32)

    // The key works for a tool, with the operator role.
    const me = await meWithKey(key)
    expect(me.status).toBe(200)
    expect(me.body?.principal).toMatchObject({ kind: 'api_key', role: 'operator', name: 'e2e-deploy' })

    // Copy either reaches the clipboard or, where the browser refuses, selects the key instead.
    await dialog.getByRole('button', { name: /^Cop/ }).click()
    await dialog.getByText(/Copied to the clipboard|the key is selected/).waitFor()

    // Closing forgets it: nowhere in the page, not after a reload either; only its prefix is listed.
    await dialog.getByRole('button', { name: 'Done' }).click()
    await dialog.waitFor({ state: 'detached' })
    await keyRow('e2e-deploy').waitFor()
    expect(await page.content()).not.toContain(key)
    const prefix = (await keyRow('e2e-deploy').locator('[data-field="prefix"]').textContent()) ?? ''
    expect(prefix).toMatch(/^mc_.+…$/)
    expect(key.startsWith(prefix.slice(0, -1))).toBe(true)
    expect(prefix.length).toBeLessThan(key.length)

    await page.reload()
    await keyRow('e2e-deploy').waitFor()
    expect(await page.content()).not.toContain(key)
    expect(await keyRow('e2e-deploy').getAttribute('data-status')).toBe('active')

    // Revoke, after confirming; the row stays, greyed and marked revoked, and the key stops working.
    await keyRow('e2e-deploy').getByRole('button', { name: 'Revoke' }).click()
    const confirm = page.getByRole('alertdialog', { name: /Revoke the key/ })
    await confirm.waitFor()
    await confirm.getByRole('button', { name: 'Revoke key' }).click()
    await confirm.waitFor({ state: 'detached' })
    await page.locator('tr[data-key-name="e2e-deploy"][data-status="revoked"]').waitFor()
    expect(await keyRow('e2e-deploy').getByText('revoked', { exact: true }).isVisible()).toBe(true)
    expect(await keyRow('e2e-deploy').getByRole('button', { name: 'Revoke' }).count()).toBe(0)
    expect((await meWithKey(key)).status).toBe(401)

    // The audit log has both, by the admin.
    await settingsTabs().getByRole('link', { name: 'Audit log' }).click()
    await page.waitForURL((url) => url.pathname === '/settings/audit')
    const revoked = page.locator('tr[data-action="api_key.revoke"]')
    const created = page.locator('tr[data-action="api_key.create"]')
    await revoked.waitFor()
    expect(await created.count()).toBe(1)
    expect(await created.textContent()).toContain('user:admin')
    expect(await revoked.textContent()).toContain('e2e-deploy')

    // Filtering by action keeps only those entries, and says so in the URL.
    await page.getByLabel('Action').fill('api_key.create')
    await page.getByRole('button', { name: 'Filter' }).click()
    await page.waitForURL((url) => url.searchParams.get('action') === 'api_key.create')
    await revoked.waitFor({ state: 'detached' })
    await created.waitFor()
    expect(await page.locator('tbody tr').count()).toBe(1)

    // Sign out: back on the login page, and the app is closed again.
    await signOut()
    await page.goto(app.url('/settings'))
    await page.waitForURL((url) => url.pathname === '/login')
    expect(new URL(page.url()).searchParams.get('next')).toBe('/settings')
  })

  it('an admin adds a viewer, who then sees no admin sections', { timeout: 90_000 }, async () => {
    const { page } = app
    const viewer = { username: 'vera', password: randomBytes(12).toString('base64url') }
    await page.goto(app.url('/settings/users'))
    await signInWithForm(page, app.stack.admin)
    await page.locator('tr[data-user="admin"]').waitFor()

    // The API's validation shows under the field it is about.
    const form = page.getByRole('form', { name: 'Add user' })
    await form.getByLabel('Username').fill(viewer.username)
    await form.getByLabel('Password').fill('short')
    await form.getByRole('button', { name: 'Add user' }).click()
    await form.locator('input[name="password"][aria-invalid="true"]').waitFor()
    expect(await form.getByText('at least 10 characters', { exact: true }).isVisible()).toBe(true)

    await form.getByLabel('Password').fill(viewer.password)
    await form.getByLabel('Role').selectOption('viewer')
    await form.getByRole('button', { name: 'Add user' }).click()
    const row = page.locator(`tr[data-user="${viewer.username}"]`)
    await row.waitFor()
    expect(await row.textContent()).toContain('viewer')
    expect(await row.getAttribute('data-disabled')).toBe('false')

    // Demoting the only admin is refused with the API's 409 message.
    await page.locator('tr[data-user="admin"]').getByLabel('Change role of admin').selectOption('viewer')
    await page
      .getByRole('alert')
      .getByText(/Could not update admin/)
      .waitFor()
    expect(await page.locator('tr[data-user="admin"]').getByLabel('Change role of admin').inputValue()).toBe(
      'admin',
    )

    await signOut()
    await signInWithForm(page, viewer)
    await page.waitForURL((url) => url.pathname === '/')
    expect(await page.getByTestId('user-menu').textContent()).toMatch(/vera.*viewer/i)

    await page.goto(app.url('/settings'))
    await page.waitForURL((url) => url.pathname === '/settings/system')
    await settingsTabs().locator('a[aria-current="page"]', { hasText: 'System' }).waitFor()
    const tabs = (await settingsTabs().getByRole('link').allTextContents()).map((text) => text.trim())
    expect(tabs).toEqual(['System'])

    // Navigating straight to an admin section says why there is nothing, instead of failing.
    await page.goto(app.url('/settings/users'))
    await page.getByTestId('requires-role').getByText('Requires the admin role').waitFor()
    expect(await page.locator('tr[data-user]').count()).toBe(0)
  })

  it('a sign-in that ends elsewhere sends the next request to the login page, and back afterwards', async () => {
    const { page } = app
    await app.signIn()
    await page.goto(app.url('/settings/system'))
    await settingsTabs().waitFor()

    // Signed out behind the page's back (another tab, an expiry): the page does not know yet.
    const res = await page.context().request.post(app.url('/api/auth/logout'), {
      headers: { origin: app.stack.baseUrl },
    })
    expect(res.status()).toBe(200)

    // The next request is the click, unless the page's own refresh (on a slow machine) asked first:
    // either way it lands on the login page, which brings the person back to where they were going.
    const onLogin = page.waitForURL((url) => url.pathname === '/login')
    const click = settingsTabs()
      .getByRole('link', { name: 'Users' })
      .click()
      // Gone with the page it was on when the refresh went first; a click that fails otherwise
      // leaves the login page unreached, and the wait below fails the test.
      .catch(() => undefined)
    await Promise.race([click, onLogin])
    await onLogin
    const next = new URL(page.url()).searchParams.get('next')
    expect(['/settings/users', '/settings/system']).toContain(next)

    await signInWithForm(page, app.stack.admin)
    expect(pathname()).toBe(next)
    await settingsTabs().getByRole('link', { name: 'Users' }).click()
    await page.locator('tr[data-user="admin"]').waitFor()
  })
})
