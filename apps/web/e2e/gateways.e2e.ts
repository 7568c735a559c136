import { randomBytes } from 'node:crypto'
import { gatewaysResponseSchema } from '@mc/shared'
import { describe, expect, it } from 'vitest'
import { setupApp } from './harness/setup-app.ts'

const app = setupApp()

const card = (name: string) => app.page.locator(`article[data-gateway="${name}"]`)
const cardNames = () =>
  app.page
    .locator('article[data-gateway]')
    .evaluateAll((cards) => cards.map((element) => element.getAttribute('data-gateway')))
const addForm = () => app.page.getByRole('form', { name: 'Add gateway' })

async function fillAddForm(fields: { name: string; host: string; port?: string; token?: string }) {
  const form = addForm()
  await form.getByLabel('Name').fill(fields.name)
  await form.getByLabel('Host').fill(fields.host)
  await form.getByLabel('Port').fill(fields.port ?? '18789')
  await form.getByLabel('Token').fill(fields.token ?? '')
}

async function registeredGateways() {
  return gatewaysResponseSchema.parse(await app.api('GET', '/api/gateways')).gateways
}

describe('gateway registry', () => {
  it('an admin adds gateways, sees validation errors, moves the primary, sets a token and deletes one', {
    timeout: 120_000,
  }, async () => {
    const { page } = app
    await app.signIn()
    await page.goto(app.url('/gateways'))
    await page.getByRole('heading', { name: 'No gateways registered' }).waitFor()
    expect(await page.getByRole('main').textContent()).toContain('MC_DEFAULT_GATEWAY_HOST')

    // A port out of range: the API's message under the port field, nothing added.
    await page.getByRole('button', { name: '+ Add Gateway' }).click()
    // With the form open, the empty list points at it (an admin is not told to ask an admin).
    await page.getByText(/Fill in the form above with the first one/).waitFor()
    expect(await page.getByRole('main').textContent()).not.toContain('Ask an admin')
    await fillAddForm({ name: 'Alpha', host: '127.0.0.1', port: '70000' })
    await addForm().getByRole('checkbox', { name: 'Primary gateway' }).check()
    await addForm().getByRole('button', { name: 'Add gateway' }).click()
    await addForm().locator('input[name="port"][aria-invalid="true"]').waitFor()
    expect(await addForm().getByText('must be from 1 to 65535', { exact: true }).isVisible()).toBe(true)
    expect(await registeredGateways()).toEqual([])

    // Fixed: added as the primary, the form closes, the card shows it.
    await addForm().getByLabel('Port').fill('1')
    await addForm().getByRole('button', { name: 'Add gateway' }).click()
    await card('Alpha').waitFor()
    await addForm().waitFor({ state: 'detached' })
    expect(await card('Alpha').getAttribute('data-primary')).toBe('true')
    expect(await card('Alpha').locator('[data-field="address"]').textContent()).toBe('127.0.0.1:1')
    expect(await card('Alpha').locator('[data-field="token"]').textContent()).toBe('Token: None')

    // A taken name: the API's 409 below the form.
    await page.getByRole('button', { name: '+ Add Gateway' }).click()
    await fillAddForm({ name: 'Alpha', host: '127.0.0.1', port: '2' })
    await addForm().getByRole('button', { name: 'Add gateway' }).click()
    await addForm().getByRole('alert').getByText('a gateway named "Alpha" already exists').waitFor()

    // The self-signed option appears only for wss:// hosts.
    const selfSigned = addForm().getByRole('checkbox', { name: 'Allow a self-signed certificate' })
    expect(await selfSigned.count()).toBe(0)
    await addForm().getByLabel('Host').fill('wss://gw.example.com')
    await selfSigned.waitFor()
    await addForm().getByLabel('Host').fill('127.0.0.1')
    await selfSigned.waitFor({ state: 'detached' })

    await addForm().getByLabel('Name').fill('Bravo')
    await addForm().getByRole('button', { name: 'Add gateway' }).click()
    await card('Bravo').waitFor()
    expect(await cardNames()).toEqual(['Alpha', 'Bravo'])

    // Bravo becomes the primary: the badge moves and Bravo is listed first.
    await card('Bravo').getByRole('button', { name: 'Set Primary' }).click()
    await page.locator('article[data-gateway="Bravo"][data-primary="true"]').waitFor()
    expect(await card('Alpha').getAttribute('data-primary')).toBe('false')
    expect(await card('Bravo').getByText('Primary', { exact: true }).isVisible()).toBe(true)
    expect(await card('Alpha').getByText('Primary', { exact: true }).count()).toBe(0)
    expect(await cardNames()).toEqual(['Bravo', 'Alpha'])
    expect(await card('Bravo').getByRole('button', { name: 'Set Primary' }).count()).toBe(0)

    // Edit Alpha's token: the field starts empty (keep), the card then says it is set.
    await card('Alpha').getByRole('button', { name: 'Edit' }).click()
    const edit = page.getByRole('dialog', { name: 'Edit Alpha' })
    await edit.waitFor()
    expect(await edit.getByLabel('Name').inputValue()).toBe('Alpha')
    expect(await edit.getByLabel('Token').inputValue()).toBe('')
    await edit.getByLabel('Token').fill('alpha-secret-token')
    await edit.getByRole('button', { name: 'Save changes' }).click()
    await edit.waitFor({ state: 'detached' })
    await card('Alpha').locator('[data-field="token"]', { hasText: 'Token: set just now' }).waitFor()
    expect(await page.content()).not.toContain('alpha-secret-token')

    // An empty token keeps it; "Clear the token" removes it.
    await card('Alpha').getByRole('button', { name: 'Edit' }).click()
    await edit.getByLabel('Port').fill('3')
    await edit.getByRole('button', { name: 'Save changes' }).click()
    await edit.waitFor({ state: 'detached' })
    await card('Alpha').locator('[data-field="address"]', { hasText: '127.0.0.1:3' }).waitFor()
    expect(await card('Alpha').locator('[data-field="token"]').textContent()).toMatch(/^Token: set /)

    // The primary cannot go while another gateway exists: the dialog says so and stays.
    await card('Bravo').getByRole('button', { name: 'Delete' }).click()
    const confirmBravo = page.getByRole('alertdialog', { name: 'Delete Bravo?' })
    await confirmBravo.getByRole('button', { name: 'Delete gateway' }).click()
    await confirmBravo.getByText(/this is the primary gateway: choose another primary first/).waitFor()
    await confirmBravo.getByRole('button', { name: 'Cancel' }).click()
    await confirmBravo.waitFor({ state: 'detached' })

    // Deleting Alpha after confirming.
    await card('Alpha').getByRole('button', { name: 'Delete' }).click()
    const confirmAlpha = page.getByRole('alertdialog', { name: 'Delete Alpha?' })
    await confirmAlpha.getByRole('button', { name: 'Delete gateway' }).click()
    await confirmAlpha.waitFor({ state: 'detached' })
    await card('Alpha').waitFor({ state: 'detached' })
    expect(await cardNames()).toEqual(['Bravo'])
    expect((await registeredGateways()).map((gateway) => gateway.name)).toEqual(['Bravo'])
    await page.getByTestId('notice').getByText('Deleted Alpha.').waitFor()
  })

  it('a viewer sees the gateways but no control that changes anything', async () => {
    const { page } = app
    await app.signIn()
    const viewer = { username: 'val', password: randomBytes(12).toString('base64url') }
    await app.api('POST', '/api/users', { ...viewer, role: 'viewer' })
    await app.api('POST', '/api/gateways', { name: 'Charlie', host: '127.0.0.1', port: 4, is_primary: true })
    await app.api('POST', '/api/gateways', {
      name: 'Delta',
      host: '127.0.0.1',
      port: 5,
      token: 'delta-token',
    })
    await page.context().clearCookies()
    await app.signIn(viewer)

    await page.goto(app.url('/gateways'))
    await card('Charlie').waitFor()
    await card('Delta').waitFor()
    const main = page.getByRole('main')
    for (const name of ['+ Add Gateway', 'Probe All', 'Probe', 'Set Primary', 'Edit', 'Delete']) {
      expect(await main.getByRole('button', { name, exact: true }).count(), name).toBe(0)
    }
    // Looking around is still allowed: search, filters and the gateway's own page.
    await page.getByLabel('Search gateways').fill('char')
    await card('Delta').waitFor({ state: 'detached' })
    await card('Charlie').getByRole('link', { name: 'Charlie' }).click()
    await page.getByRole('heading', { level: 1, name: 'Charlie' }).waitFor()
    expect(await main.getByRole('button', { name: 'Probe', exact: true }).count()).toBe(0)
  })

  it('the search box keeps fast typing, lands in the URL, and follows navigation', async () => {
    const { page } = app
    await app.signIn()
    await app.api('POST', '/api/gateways', { name: 'Searchable one', host: '127.0.0.1', port: 7 })
    await page.goto(app.url('/gateways'))
    await card('Searchable one').waitFor()
    const search = page.getByRole('searchbox', { name: 'Search gateways' })
    await search.pressSequentially('searchable', { delay: 0 })
    expect(await search.inputValue()).toBe('searchable')
    await page.waitForURL((url) => url.searchParams.get('q') === 'searchable')
    // The API searches: the cards shown meanwhile stay until its answer arrives.
    await expect.poll(cardNames).toEqual(['Searchable one'])
    // A link to the plain list empties the box too.
    await page.getByRole('navigation').getByRole('link', { name: 'Gateways' }).click()
    await page.waitForURL((url) => !url.searchParams.has('q'))
    await expect.poll(() => search.inputValue()).toBe('')
  })
})
