import { randomBytes } from 'node:crypto'
import { freePort } from '@mc/local-stack'
import { gatewayResponseSchema, gatewaysResponseSchema, statusPagesResponseSchema } from '@mc/shared'
import { describe, expect, it } from 'vitest'
import { seriousAxeViolations } from './harness/axe.ts'
import { saveScreenshot } from './harness/screenshot.ts'
import { setupApp } from './harness/setup-app.ts'

const app = setupApp()

/** A registered gateway nothing listens for: a status page only needs it to exist. */
async function addGateway(name: string): Promise<number> {
  const body = { name, host: '127.0.0.1', port: await freePort(), token: `${name}-token` }
  return gatewayResponseSchema.parse(await app.api('POST', '/api/gateways', body)).gateway.id
}

const listedPages = async () =>
  statusPagesResponseSchema.parse(await app.api('GET', '/api/status-pages')).status_pages

describe('status pages', () => {
  it('an admin adds a page of two gateways, makes it public, copies its badges and deletes it', {
    timeout: 120_000,
  }, async () => {
    const { page } = app
    await app.signIn()
    const alpha = await addGateway('Alpha')
    const beta = await addGateway('Beta')
    const origin = new URL(app.stack.baseUrl).origin
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin })

    await page.goto(app.url('/settings'))
    await page
      .getByRole('navigation', { name: 'Settings' })
      .getByRole('link', { name: 'Status pages' })
      .click()
    await page.waitForURL((url) => url.pathname === '/settings/status-pages')
    await page.getByRole('heading', { name: 'No status pages yet' }).waitFor()

    await page.getByRole('button', { name: '+ Add status page' }).click()
    const addForm = page.getByRole('form', { name: 'Add a status page' })
    await addForm.getByLabel('Title').fill('Production')
    await addForm.getByLabel('Slug').fill('Prod EU')
    // Ticked Beta first: the page lists them in that order until moved.
    await addForm.getByLabel('Beta', { exact: true }).check()
    await addForm.getByLabel('Alpha', { exact: true }).check()
    const order = addForm.getByRole('list', { name: 'Order on the page' })
    expect(await order.locator('li').evaluateAll((items) => items.map((li) => li.dataset.item))).toEqual([
      'Beta',
      'Alpha',
    ])
    await addForm.getByRole('button', { name: 'Move Alpha up' }).click()
    expect(await order.locator('li').evaluateAll((items) => items.map((li) => li.dataset.item))).toEqual([
      'Alpha',
      'Beta',
    ])

    // The contract's own message, under the field it is about.
    await page.getByRole('button', { name: 'Add status page', exact: true }).click()
    const slug = addForm.getByLabel('Slug')
    await expect.poll(() => slug.getAttribute('aria-invalid')).toBe('true')
    expect(await addForm.textContent()).toContain('lowercase letters, digits and single dashes')
    await slug.fill('prod-eu')
    await page.getByRole('button', { name: 'Add status page', exact: true }).click()

    const row = page.locator('tr[data-status-page="prod-eu"]')
    await row.waitFor()
    expect(await row.textContent()).toMatch(/Production.*\/status\/prod-eu.*private.*2 gateways/)
    const link = row.getByRole('link', { name: /\/status\/prod-eu/ })
    expect(await link.getAttribute('href')).toBe('/status/prod-eu')
    expect(await link.getAttribute('target')).toBe('_blank')
    expect(await row.getByRole('button', { name: 'Badges' }).count()).toBe(0)
    expect((await listedPages()).map((each) => [each.slug, each.gateway_ids, each.public])).toEqual([
      ['prod-eu', [alpha, beta], false],
    ])

    // Public, after seeing what showing errors would give away (and leaving it off).
    await row.getByRole('button', { name: 'Edit' }).click()
    const editForm = page.getByRole('form', { name: 'Edit Production' })
    await editForm.getByLabel('Public', { exact: true }).check()
    await editForm.getByLabel('Show error details').check()
    await editForm.getByText("Error details can reveal your gateways' hosts and ports").waitFor()
    // For a person to look at (git-ignored): the form with its order and its warning.
    await saveScreenshot(page, 'status-page-dialog')
    expect(await seriousAxeViolations(page)).toEqual([])
    await editForm.getByLabel('Show error details').uncheck()
    await page.getByRole('button', { name: 'Save changes' }).click()
    await page.getByTestId('notice').getByText('Saved Production.').waitFor()
    await row.getByText('public', { exact: true }).waitFor()
    expect((await listedPages())[0]).toMatchObject({ public: true, show_errors: false })

    await row.getByRole('button', { name: 'Badges' }).click()
    const badges = page.getByRole('dialog', { name: 'Badges of Production' })
    const alphaBadges = badges.locator('li[data-badges="Alpha"]')
    for (const name of ['Alpha status badge', 'Alpha 7-day uptime badge']) {
      const image = alphaBadges.getByRole('img', { name })
      await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0)
    }
    const snippet = await alphaBadges.getByTestId('badge-markdown').textContent()
    expect(snippet).toBe(
      `[![Alpha status](${origin}/badge/prod-eu/${alpha}/status.svg)](${origin}/status/prod-eu) ` +
        `[![Alpha uptime 7d](${origin}/badge/prod-eu/${alpha}/uptime.svg?period=7d)](${origin}/status/prod-eu)`,
    )
    expect(
      await badges.locator('li[data-badges="Beta"]').getByTestId('badge-markdown').textContent(),
    ).toContain(`/badge/prod-eu/${beta}/status.svg`)
    await alphaBadges.getByRole('button', { name: 'Copy' }).click()
    await alphaBadges.getByText('Copied to the clipboard.').waitFor()
    await saveScreenshot(page, 'status-page-badges')
    expect(await seriousAxeViolations(page)).toEqual([])
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(snippet)
    // What the snippet points at answers without a sign-in.
    for (const url of [`${origin}/status/prod-eu`, `${origin}/badge/prod-eu/${alpha}/uptime.svg?period=7d`]) {
      const res = await fetch(url)
      expect(res.status, url).toBe(200)
    }
    await badges.getByRole('button', { name: 'Close' }).click()

    await row.getByRole('button', { name: 'Delete' }).click()
    const confirm = page.getByRole('alertdialog', { name: 'Delete Production?' })
    await confirm.getByRole('button', { name: 'Delete status page' }).click()
    await page.getByTestId('notice').getByText('Deleted Production.').waitFor()
    await page.getByRole('heading', { name: 'No status pages yet' }).waitFor()
    expect(await listedPages()).toEqual([])
    expect((await fetch(`${origin}/status/prod-eu`)).status).toBe(404)
  })

  it('among many gateways the picker lists the first 50 and the chosen, and a search finds the rest', {
    timeout: 120_000,
  }, async () => {
    const { page } = app
    await app.signIn()
    const names = Array.from({ length: 60 }, (_, i) => `Fleet ${String(i + 1).padStart(3, '0')}`)
    const ids = new Map<string, number>()
    for (const name of names) ids.set(name, await addGateway(name))
    const registered = gatewaysResponseSchema.parse(await app.api('GET', '/api/gateways')).gateways.length

    await page.goto(app.url('/settings/status-pages'))
    await page.getByRole('button', { name: '+ Add status page' }).click()
    const addForm = page.getByRole('form', { name: 'Add a status page' })
    const picker = addForm.getByRole('group', { name: 'Gateways' })
    const boxes = picker.getByRole('checkbox')
    await expect.poll(() => boxes.count()).toBe(50)
    expect(await picker.textContent()).toContain(`${registered - 50} more: search to find them.`)

    const search = picker.getByRole('searchbox', { name: 'Search gateways' })
    await search.fill('fleet 060')
    await expect.poll(() => boxes.count()).toBe(1)
    await picker.getByLabel('Fleet 060', { exact: true }).check()
    // Enter in the search box leaves the form as it is: not submitted with no title (checked once
    // the next change is on screen, so a submission's errors would be too).
    await search.press('Enter')
    await search.fill('no such gateway')
    await picker.getByText('Nothing matches “no such gateway”.').waitFor()
    expect(await addForm.getByLabel('Title').getAttribute('aria-invalid')).not.toBe('true')
    // Cleared, the list is the first 50 again, and the chosen one beyond them stays in view.
    await search.fill('')
    await expect.poll(() => boxes.count()).toBe(51)
    expect(await picker.getByLabel('Fleet 060', { exact: true }).isChecked()).toBe(true)
    expect(await picker.textContent()).toContain('1 chosen')

    await addForm.getByLabel('Title').fill('Fleet')
    await addForm.getByLabel('Slug').fill('fleet')
    await page.getByRole('button', { name: 'Add status page', exact: true }).click()
    await page.locator('tr[data-status-page="fleet"]').waitFor()
    const [fleetPage] = await listedPages()
    expect(fleetPage?.gateway_ids).toEqual([ids.get('Fleet 060')])
    await app.api('DELETE', `/api/status-pages/${fleetPage?.id}`)
  })

  it('a viewer is offered no status pages to manage', { timeout: 60_000 }, async () => {
    const { page } = app
    await app.signIn()
    const gateway = await addGateway('Viewed')
    await app.api('POST', '/api/status-pages', { slug: 'viewed', title: 'Viewed', gateway_ids: [gateway] })
    const viewer = { username: 'vic', password: randomBytes(12).toString('base64url') }
    await app.api('POST', '/api/users', { ...viewer, role: 'viewer' })
    await app.signIn(viewer)

    await page.goto(app.url('/settings/system'))
    const tabs = page.getByRole('navigation', { name: 'Settings' })
    await tabs.locator('a[aria-current="page"]', { hasText: 'System' }).waitFor()
    expect((await tabs.getByRole('link').allTextContents()).map((text) => text.trim())).toEqual(['System'])

    await page.goto(app.url('/settings/status-pages'))
    await page.getByTestId('requires-role').getByText('Requires the admin role').waitFor()
    expect(await page.locator('tr[data-status-page]').count()).toBe(0)
    expect(await page.getByRole('button', { name: '+ Add status page' }).count()).toBe(0)
  })
})
