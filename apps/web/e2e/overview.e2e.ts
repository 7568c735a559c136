import { freePort } from '@mc/local-stack'
import { type FakeGateway, startFakeGateway } from '@mc/openclaw/fake'
import { gatewayResponseSchema } from '@mc/shared'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { setupApp } from './harness/setup-app.ts'

// Probe every few seconds, so flips and uptime appear without waiting for the default 30 s.
const app = setupApp({ env: { PROBE_INTERVAL_S: '5' } })
const PROBED_MS = 30_000

const tile = (name: string) => app.page.getByTestId(`stat-${name}`)
/** A tile's figure: `Stat` renders label, value, hint. */
const tileValue = async (name: string) =>
  (await tile(name).locator('[data-stat] > div').nth(1).textContent())?.trim()
async function waitForTile(name: string, value: string) {
  await app.page.waitForFunction(
    ([selector, want]) => document.querySelector(selector ?? '')?.textContent?.trim() === want,
    [`[data-testid="stat-${name}"] [data-stat] > div:nth-child(2)`, value],
    { timeout: PROBED_MS },
  )
}

async function register(body: Record<string, unknown>) {
  return gatewayResponseSchema.parse(await app.api('POST', '/api/gateways', body)).gateway
}

describe('fleet overview', () => {
  let fake: FakeGateway | undefined
  beforeEach(() => app.signIn())
  afterAll(() => fake?.stop())

  it('sums up the fleet: status tiles, totals, worst latency, flips and uptime', {
    timeout: 90_000,
  }, async () => {
    const { page } = app
    fake = await startFakeGateway({ token: 'e2e-token', agents: 3, sessions: 2, version: '2026.9.6-e2e' })
    const online = await register({ name: 'Alive', host: '127.0.0.1', port: fake.port, token: 'e2e-token' })
    await register({ name: 'Nowhere', host: '127.0.0.1', port: await freePort() })

    await page.goto(app.url('/'))
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor()
    // Everything below updates from the event stream (the overview polls only while it is down).
    await page.locator('[data-testid="event-stream"][data-state="live"]').waitFor()
    await waitForTile('online', '1')
    await waitForTile('offline', '1')
    expect(await tileValue('gateways')).toBe('2')
    // Flips move the status tiles at once; the totals follow with the overview it asks for again.
    await waitForTile('sessions', '2')
    await waitForTile('agents', '3')

    const worst = page.getByTestId('worst-latency')
    await worst.getByRole('link', { name: 'Alive' }).waitFor()
    expect(await worst.getByRole('link', { name: 'Alive' }).getAttribute('href')).toBe(
      `/gateways/${online.id}`,
    )

    // Flips arrive live from the event stream, without a reload.
    const navigations: string[] = []
    page.on('framenavigated', (frame) => navigations.push(frame.url()))
    const flips = page.getByTestId('recent-flips')
    await flips.locator('li', { hasText: 'Alive' }).first().waitFor({ timeout: PROBED_MS })
    await flips.locator('li', { hasText: 'Nowhere' }).first().waitFor({ timeout: PROBED_MS })
    const flipOf = (name: string) =>
      flips.locator('li', { hasText: name }).first().locator('[data-field="status"]').allTextContents()
    expect(await flipOf('Alive')).toEqual(['unknown', 'online'])
    expect(await flipOf('Nowhere')).toEqual(['unknown', 'offline'])
    const uptime = page.getByTestId('uptime-list')
    await uptime.locator(`li[data-gateway="${online.id}"]`).waitFor()
    expect(await uptime.textContent()).toMatch(/Nowhere\s*0%/)
    expect(await uptime.textContent()).toMatch(/Alive\s*100%/)
    expect(await page.getByTestId('status-chart').getAttribute('aria-label')).toBe(
      'Gateways by status: 1 online, 1 offline',
    )

    // The gateway stops: tiles, chart and flips follow live.
    await fake.stop()
    fake = undefined
    await waitForTile('online', '0')
    await waitForTile('offline', '2')
    expect(await flipOf('Alive')).toEqual(['online', 'offline'])
    expect(navigations).toEqual([])
    expect(app.pageErrors).toEqual([])
  })
})
