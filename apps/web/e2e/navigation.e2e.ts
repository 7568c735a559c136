import { beforeEach, describe, expect, it } from 'vitest'
import { setupApp } from './harness/setup-app.ts'
import { VIEWPORTS } from './harness/viewports.ts'

const app = setupApp()

const mainNav = () => app.page.getByRole('navigation', { name: 'Main' })
const navLink = (name: string) => mainNav().getByRole('link', { name, exact: true })
const heading = (name: string) => app.page.getByRole('heading', { level: 1, name, exact: true })

describe('navigation', () => {
  beforeEach(() => app.signIn())

  it('shows the Overview at / with the brand and the ten sections', async () => {
    await app.page.goto(app.url('/'))
    await heading('Overview').waitFor()

    expect(await app.page.getByText('Mission Control', { exact: true }).isVisible()).toBe(true)
    const links = (await mainNav().getByRole('link').allTextContents()).map((text) => text.trim())
    expect(links).toEqual([
      'Overview',
      'Gateways',
      'Connections',
      'Agents',
      'Sessions',
      'Tools',
      'Usage',
      'Incidents',
      'Alerts',
      'Settings',
    ])
    expect(await navLink('Overview').getAttribute('aria-current')).toBe('page')
    expect(await navLink('Gateways').getAttribute('aria-current')).toBeNull()
    expect(await navLink('Settings').getAttribute('aria-current')).toBeNull()

    // No gateway yet: the overview points to the Gateway Manager.
    const main = app.page.getByRole('main')
    await main.getByRole('heading', { name: 'No gateways yet' }).waitFor()
    await main.getByRole('link', { name: 'Open the Gateway Manager' }).click()
    await heading('Gateway Manager').waitFor()
    expect(new URL(app.page.url()).pathname).toBe('/gateways')
    expect(await navLink('Overview').getAttribute('aria-current')).toBeNull()
  })

  it('moves between sections from the sidebar and highlights the current one', async () => {
    await app.page.goto(app.url('/gateways'))
    await heading('Gateway Manager').waitFor()

    await navLink('Connections').click()
    await heading('Direct CLI Connections').waitFor()
    expect(new URL(app.page.url()).pathname).toBe('/connections')
    expect(await navLink('Connections').getAttribute('aria-current')).toBe('page')
    expect(await navLink('Gateways').getAttribute('aria-current')).toBeNull()
    expect(await app.page.title()).toBe('Direct CLI Connections · Mission Control')

    await navLink('Agents').click()
    await heading('Agents').waitFor()
    expect(new URL(app.page.url()).pathname).toBe('/agents')
    expect(await navLink('Agents').getAttribute('aria-current')).toBe('page')
  })

  it('fits the ten sections in two rows of five on a phone, and each tab goes there', async () => {
    const phone = VIEWPORTS.find((viewport) => viewport.name === 'phone')
    if (!phone) throw new Error('no phone viewport')
    await app.page.setViewportSize(phone)
    await app.page.goto(app.url('/'))
    await heading('Overview').waitFor()

    const boxes = await mainNav()
      .getByRole('link')
      .evaluateAll((links) => links.map((link) => link.getBoundingClientRect().toJSON() as DOMRect))
    expect(boxes).toHaveLength(10)
    const tops = boxes.map((box) => Math.round(box.top))
    expect([...new Set(tops)].map((top) => tops.filter((other) => other === top).length)).toEqual([5, 5])
    expect(boxes.filter((box) => box.left < 0 || box.right > phone.width)).toEqual([])

    await navLink('Incidents').click()
    await heading('Incidents').waitFor()
    expect(await navLink('Incidents').getAttribute('aria-current')).toBe('page')
    await navLink('Alerts').click()
    await heading('Alerts').waitFor()
    // `/alerts` leads on to the first section an admin may use, once that section's code is in.
    await app.page.waitForURL((url) => url.pathname === '/alerts/channels')
    expect(await navLink('Alerts').getAttribute('aria-current')).toBe('page')
  })

  it('shows the Gateway Manager with its empty state', async () => {
    await app.page.goto(app.url('/gateways'))
    await heading('Gateway Manager').waitFor()

    const main = app.page.getByRole('main')
    expect(await main.getByText('Manage multiple OpenClaw gateway connections').isVisible()).toBe(true)
    // The header renders before the gateway list has loaded: wait for the list's answer.
    await main.getByRole('heading', { name: 'No gateways registered' }).waitFor()
    expect(await main.textContent()).toMatch(/Gateways appear here once they are registered/)
  })

  it('shows empty states on the Connections, Agents and Sessions pages', async () => {
    await app.page.goto(app.url('/connections'))
    await app.page.getByRole('heading', { name: 'No direct connections' }).waitFor()
    expect(await app.page.getByRole('main').textContent()).toContain('POST /api/connect')

    await app.page.goto(app.url('/agents'))
    await app.page.getByRole('heading', { name: 'No agents yet' }).waitFor()

    await navLink('Sessions').click()
    await heading('Sessions').waitFor()
    expect(new URL(app.page.url()).pathname).toBe('/sessions')
    expect(await navLink('Sessions').getAttribute('aria-current')).toBe('page')
    await app.page.getByRole('heading', { name: 'No sessions yet' }).waitFor()
  })

  it('shows a 404 page inside the app frame for an unknown route', async () => {
    const response = await app.page.goto(app.url('/no/such/page'))
    expect(response?.status()).toBe(200)
    await heading('Page not found').waitFor()

    const main = app.page.getByRole('main')
    expect(await main.getByText('404', { exact: true }).isVisible()).toBe(true)
    expect(await main.getByText('/no/such/page', { exact: true }).isVisible()).toBe(true)
    expect(await mainNav().isVisible()).toBe(true)
    expect(await heading('Gateway Manager').count()).toBe(0)

    await main.getByRole('link', { name: 'Go to Gateways' }).click()
    await heading('Gateway Manager').waitFor()
    expect(new URL(app.page.url()).pathname).toBe('/gateways')
  })
})
