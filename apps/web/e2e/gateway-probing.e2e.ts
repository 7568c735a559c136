import { freePort } from '@mc/local-stack'
import { type FakeGateway, startFakeGateway } from '@mc/openclaw/fake'
import { gatewayResponseSchema } from '@mc/shared'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { setupApp } from './harness/setup-app.ts'

const app = setupApp()

const card = (name: string) => app.page.locator(`article[data-gateway="${name}"]`)
const field = (name: string, key: string) => card(name).locator(`[data-field="${key}"]`)
const notice = () => app.page.getByTestId('notice')

/** A probe waits for the worker (up to PROBE_TIMEOUT_MS and a margin); the UI must wait with it. */
const PROBE_WAIT_MS = 30_000

async function register(body: Record<string, unknown>) {
  return gatewayResponseSchema.parse(await app.api('POST', '/api/gateways', body)).gateway
}

describe('gateway probing', () => {
  let fake: FakeGateway | undefined
  beforeEach(() => app.signIn())
  afterAll(() => fake?.stop())

  it('a gateway where nothing listens turns offline with its error and a red tick', async () => {
    const { page } = app
    const port = await freePort()
    const nowhere = await register({ name: 'Nowhere', host: '127.0.0.1', port })
    await page.goto(app.url('/gateways'))
    await card('Nowhere').waitFor()

    await card('Nowhere').getByRole('button', { name: 'Probe', exact: true }).click()
    await card('Nowhere')
      .getByRole('button', { name: /Probing/ })
      .waitFor()
    await page
      .locator('article[data-gateway="Nowhere"][data-status="offline"]')
      .waitFor({ timeout: PROBE_WAIT_MS })
    expect(await card('Nowhere').getByRole('img', { name: 'Status: offline' }).isVisible()).toBe(true)
    expect(await field('Nowhere', 'last-error').textContent()).not.toBe('')
    expect(await notice().textContent()).toMatch(/^Nowhere is offline/)

    const strip = card('Nowhere').getByTestId('probe-strip')
    await strip.locator('[data-status="offline"]').first().waitFor()
    const tick = strip.locator('[data-status="offline"]').last()
    expect(await tick.getAttribute('title')).toMatch(/^offline · \d{4}-\d\d-\d\d \d\d:\d\d:\d\d · .+/)
    expect(await tick.evaluate((element) => getComputedStyle(element).backgroundColor)).not.toBe(
      'rgba(0, 0, 0, 0)',
    )
    expect(await field('Nowhere', 'last').textContent()).toBe('Last: never online')
    // The header counts the gateways up, apart from the services: none of them here.
    const fleet = page.getByTestId('fleet-status')
    expect(await fleet.textContent()).toBe('0 of 1 gateway up')
    expect(await fleet.getAttribute('data-tone')).toBe('error')

    // Its page: no latency to chart (no empty axis), and its address shown once.
    await page.goto(app.url(`/gateways/${nowhere.id}`))
    await page
      .getByTestId('latency-empty')
      .getByText(/^No probe answered in the last 24 hours \(\d+ offline\)/)
      .waitFor()
    expect(await page.getByTestId('latency-chart').count()).toBe(0)
    expect(await page.getByText(`127.0.0.1:${port}`, { exact: true }).count()).toBe(1)
  })

  it('a gateway on a fake OpenClaw with a token turns online with version, counts and latency', {
    timeout: 90_000,
  }, async () => {
    const { page } = app
    fake = await startFakeGateway({
      token: 'e2e-gateway-token',
      agents: 3,
      sessions: 2,
      version: '2026.9.6-e2e',
    })
    const gateway = await register({
      name: 'Fake',
      host: '127.0.0.1',
      port: fake.port,
      token: 'e2e-gateway-token',
      is_primary: true,
    })
    await page.goto(app.url('/gateways'))
    await card('Fake').waitFor()

    await card('Fake').getByRole('button', { name: 'Probe', exact: true }).click()
    await page
      .locator('article[data-gateway="Fake"][data-status="online"]')
      .waitFor({ timeout: PROBE_WAIT_MS })
    expect(await field('Fake', 'version').textContent()).toBe('Version: 2026.9.6-e2e')
    expect(await field('Fake', 'sessions').textContent()).toBe('Sessions: 2')
    expect(await field('Fake', 'agents').textContent()).toBe('Agents: 3')
    expect(await field('Fake', 'latency').textContent()).toMatch(/^Latency: \d+ ms$/)
    expect(await field('Fake', 'last').textContent()).toMatch(/^Last: \d+ s ago$/)
    expect(await field('Fake', 'last-error').count()).toBe(0)
    await card('Fake').getByTestId('probe-strip').locator('[data-status="online"]').first().waitFor()

    // Probe All reports every gateway's outcome in one line.
    await page.getByRole('button', { name: 'Probe All' }).click()
    await notice()
      .getByText(/^Probed 2 gateways: 1 online · 1 offline$/)
      .waitFor({ timeout: PROBE_WAIT_MS })

    // Filters count by status and narrow the list.
    await page.getByRole('button', { name: /^offline 1$/i }).click()
    await card('Fake').waitFor({ state: 'detached' })
    await card('Nowhere').waitFor()
    await page.getByRole('button', { name: /^all 2$/i }).click()

    // The gateway's own page: status, uptime, latency percentiles, the chart and the probe history.
    await card('Fake').getByRole('link', { name: 'Fake' }).click()
    await page.waitForURL((url) => url.pathname === `/gateways/${gateway.id}`)
    await page.getByRole('heading', { level: 1, name: 'Fake' }).waitFor()
    expect(await page.getByRole('img', { name: 'Status: online' }).first().isVisible()).toBe(true)
    expect(await page.locator('[data-stat="uptime-24h"]').textContent()).toMatch(/100%/)
    expect(await page.locator('[data-stat="latency-p50"]').textContent()).toMatch(/\d+ ms/)
    await page.getByTestId('latency-chart').locator('svg').first().waitFor()
    await page.locator('tr[data-probe-status="online"]').first().waitFor()
  })

  it('an unknown gateway id shows a 404 page', async () => {
    await app.page.goto(app.url('/gateways/999999'))
    await app.page.getByRole('heading', { level: 1, name: 'Gateway not found' }).waitFor()
    expect(await app.page.getByRole('main').textContent()).toContain('There is no gateway with id 999999')
  })

  it('says that no worker is running when probing is impossible', async () => {
    const { page } = app
    await app.stack.worker.stop()
    await page.goto(app.url('/gateways'))
    await card('Fake').waitFor()
    await page.getByRole('button', { name: 'Probe All' }).click()
    await page
      .getByRole('alert')
      .getByText(/No worker is running, so nothing can be probed/)
      .waitFor()
    expect(await page.getByRole('button', { name: 'Probe All' }).isEnabled()).toBe(true)
  })
})
