import { type FakeGateway, startFakeGateway } from '@mc/openclaw/fake'
import { type Gateway, gatewayResponseSchema } from '@mc/shared'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { setupApp } from './harness/setup-app.ts'

// The shortest probe interval the worker accepts, and two failed probes of the primary to fail over.
const PROBE_INTERVAL_S = 5
const FAILOVER_AFTER = 2
const app = setupApp({
  env: {
    PROBE_INTERVAL_S: String(PROBE_INTERVAL_S),
    PROBE_TIMEOUT_MS: '2000',
    FAILOVER_AFTER: String(FAILOVER_AFTER),
  },
})
/** FAILOVER_AFTER failed probes, one more interval for the phase, the probe deadline and a margin. */
const WITHIN_FAILOVER_MS = ((FAILOVER_AFTER + 1) * PROBE_INTERVAL_S + 2 + 20) * 1000
/** One probe interval, its deadline and a margin for a loaded machine. */
const WITHIN_ONE_PROBE_MS = (PROBE_INTERVAL_S + 2 + 20) * 1000

const card = (name: string) => app.page.locator(`article[data-gateway="${name}"]`)
const primaryCard = (name: string) => app.page.locator(`article[data-gateway="${name}"][data-primary="true"]`)
const onlineCard = (name: string) => app.page.locator(`article[data-gateway="${name}"][data-status="online"]`)
const lastFailover = () => app.page.getByTestId('last-failover')
const relayOn = (gateway: Gateway) =>
  app.page.locator(`[data-testid="relay-state"][data-gateway-id="${gateway.id}"][data-connected="true"]`)

async function register(body: Record<string, unknown>) {
  return gatewayResponseSchema.parse(await app.api('POST', '/api/gateways', { host: '127.0.0.1', ...body }))
    .gateway
}

/** Opens the Gateway Manager and waits until it follows the event stream; then counts navigations. */
async function openGatewayManager() {
  const { page } = app
  await page.goto(app.url('/gateways'))
  await page.locator('[data-testid="event-stream"][data-state="live"]').waitFor()
  const navigations: string[] = []
  page.on('framenavigated', (frame) => navigations.push(frame.url()))
  return navigations
}

describe('standby failover', () => {
  const fakes: FakeGateway[] = []
  const fake = async (token: string) => {
    const started = await startFakeGateway({ token })
    fakes.push(started)
    return started
  }
  let alpha: Gateway
  let bravo: Gateway
  beforeEach(() => app.signIn())
  afterAll(() => Promise.all(fakes.map((started) => started.stop())))

  it('the primary stops: the standby becomes primary live, with the reason, and the live view follows it', {
    timeout: 120_000,
  }, async () => {
    const { page } = app
    const alphaFake = await fake('alpha-token')
    const bravoFake = await fake('bravo-token')
    alpha = await register({ name: 'Alpha', port: alphaFake.port, token: 'alpha-token', is_primary: true })
    bravo = await register({
      name: 'Bravo',
      port: bravoFake.port,
      token: 'bravo-token',
      failover_priority: 1,
    })

    const navigations = await openGatewayManager()
    await primaryCard('Alpha').waitFor()
    expect(await card('Bravo').getAttribute('data-standby')).toBe('1')
    expect(await card('Bravo').getByText('Standby #1').isVisible()).toBe(true)
    // Its own query: it may still be loading when the cards are shown.
    await lastFailover()
      .filter({ hasText: /^No failover yet$/ })
      .waitFor()
    await relayOn(alpha).waitFor()
    // The standby must have been probed online (and recently) to be a candidate.
    await onlineCard('Bravo').waitFor({ timeout: WITHIN_ONE_PROBE_MS })

    await alphaFake.stop()
    await primaryCard('Bravo').waitFor({ timeout: WITHIN_FAILOVER_MS })
    await card('Alpha').and(page.locator('[data-primary="false"]')).waitFor()
    await lastFailover()
      .filter({
        hasText: new RegExp(`^Alpha → Bravo \\d+ s ago: Alpha failed ${FAILOVER_AFTER} probes in a row`),
      })
      .waitFor()
    // The live view moved to the new primary by itself, and says why.
    await relayOn(bravo).waitFor()
    expect(await page.getByTestId('relay-state').locator('[data-field="upstream-url"]').textContent()).toBe(
      `ws://127.0.0.1:${bravoFake.port}`,
    )
    // The reason comes with the failover event, the flag with the list: both, in either order.
    await page
      .getByTestId('primary-moved')
      .filter({
        hasText: new RegExp(`^Primary moved from Alpha to Bravo: Alpha failed ${FAILOVER_AFTER} probes`),
      })
      .waitFor()
    expect(navigations).toEqual([])
  })

  it('an admin fails over by hand: a refusal says why, the best standby takes over', {
    timeout: 90_000,
  }, async () => {
    const { page } = app
    const charlieFake = await fake('charlie-token')
    const charlie = await register({
      name: 'Charlie',
      port: charlieFake.port,
      token: 'charlie-token',
      failover_priority: 2,
    })
    const navigations = await openGatewayManager()
    await relayOn(bravo).waitFor()
    await onlineCard('Charlie').waitFor({ timeout: WITHIN_ONE_PROBE_MS })
    expect(await card('Charlie').getByText('Standby #2').isVisible()).toBe(true)

    // Alpha is down: refused (409), and the dialog says why.
    await page.getByRole('button', { name: 'Fail over now' }).click()
    const dialog = page.getByRole('dialog', { name: 'Fail over from Bravo?' })
    await dialog.getByLabel('Take over with').selectOption(String(alpha.id))
    await dialog.getByRole('button', { name: 'Fail over now' }).click()
    await dialog
      .getByRole('alert')
      .getByText(/^Alpha is \w+, not online$/)
      .waitFor()
    expect(await primaryCard('Bravo').count()).toBe(1)

    await dialog.getByLabel('Take over with').selectOption('')
    await dialog.getByRole('button', { name: 'Fail over now' }).click()
    await dialog.waitFor({ state: 'detached' })
    await page
      .getByTestId('notice')
      .filter({ hasText: /^Failed over: Charlie is now the primary gateway\.$/ })
      .waitFor()
    await primaryCard('Charlie').waitFor()
    await lastFailover()
      .filter({ hasText: /^Bravo → Charlie \d+ s ago: failover by hand from Bravo to Charlie$/ })
      .waitFor()
    await relayOn(charlie).waitFor()
    await page
      .getByTestId('primary-moved')
      .filter({ hasText: /^Primary moved from Bravo to Charlie: failover by hand from Bravo to Charlie$/ })
      .waitFor()
    expect(navigations).toEqual([])
  })
})
