import { type FakeGateway, startFakeGateway } from '@mc/openclaw/fake'
import { connectResponseSchema, gatewayResponseSchema } from '@mc/shared'
import type { Page, Request } from 'playwright-core'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { setupApp } from './harness/setup-app.ts'

// The shortest probe interval the worker accepts, so a stopped gateway is noticed within seconds.
const PROBE_INTERVAL_S = 5
const app = setupApp({ env: { PROBE_INTERVAL_S: String(PROBE_INTERVAL_S), PROBE_TIMEOUT_MS: '2000' } })
/** One probe interval, plus the probe's own deadline and a margin for a loaded machine. */
const WITHIN_ONE_PROBE_MS = (PROBE_INTERVAL_S + 2 + 20) * 1000

/**
 * Counts the page's GET requests to one API path (the live views must not poll while the stream is
 * up) and how many are still open, so a test can let the catch-up after the stream's start finish.
 */
/** GETs of `path`, but for those `except` leaves out. */
function countGets(page: Page, path: string, except: (url: URL) => boolean = () => false) {
  let count = 0
  let open = 0
  const matches = (request: Request) => {
    const url = new URL(request.url())
    return request.method() === 'GET' && url.pathname === path && !except(url)
  }
  page.on('request', (request) => {
    if (!matches(request)) return
    count++
    open++
  })
  const done = (request: Request) => {
    if (matches(request)) open--
  }
  page.on('requestfinished', done)
  page.on('requestfailed', done)
  return { count: () => count, settled: () => expect.poll(() => open).toBe(0) }
}

const eventStreamLive = () => app.page.locator('[data-testid="event-stream"][data-state="live"]')

describe('the live dashboard', () => {
  let fake: FakeGateway | undefined
  beforeEach(() => app.signIn())
  afterEach(async () => {
    await fake?.stop()
    fake = undefined
  })

  it('a heartbeat sent via the API updates the connections list live, without polling', async () => {
    const { page } = app
    const conn = connectResponseSchema.parse(
      await app.api('POST', '/api/connect', { agent_name: 'live-e2e-agent', tool_name: 'codex' }),
    )
    const listGets = countGets(page, '/api/connect')
    await page.goto(app.url('/connections?status=all'))
    const card = page.locator(`article[data-connection="${conn.connection_id}"]`)
    await card.waitFor()
    await eventStreamLive().waitFor()
    await listGets.settled()
    expect(await card.locator('[data-field="last-heartbeat"]').textContent()).toBe('Last heartbeat: none yet')

    const before = listGets.count()
    await app.api('POST', `/api/agents/${conn.agent_id}/heartbeat`, { connection_id: conn.connection_id })
    await card
      .locator('[data-field="last-heartbeat"]')
      .filter({ hasText: /s ago$/ })
      .waitFor()
    expect(listGets.count()).toBe(before)

    // A disconnect by another client shows as well.
    await app.api('DELETE', '/api/connect', { connection_id: conn.connection_id })
    await page
      .locator(`article[data-connection="${conn.connection_id}"][data-status="disconnected"]`)
      .waitFor()
  })

  it('without the event stream the page says so and polls, then goes live again when it is back', {
    timeout: 60_000,
  }, async () => {
    const { page } = app
    await page.route('**/api/events*', (route) =>
      route.fulfill({ status: 503, contentType: 'application/json', body: '{"error":"unavailable"}' }),
    )
    const conn = connectResponseSchema.parse(
      await app.api('POST', '/api/connect', { agent_name: 'polling-e2e-agent', tool_name: 'codex' }),
    )
    await page.goto(app.url('/connections?status=all'))
    const card = page.locator(`article[data-connection="${conn.connection_id}"]`)
    await card.waitFor()
    await page.locator('[data-testid="event-stream"][data-state="down"]').waitFor()
    expect(await page.getByTestId('event-stream').textContent()).toBe('Polling')

    const listGets = countGets(page, '/api/connect')
    await app.api('POST', `/api/agents/${conn.agent_id}/heartbeat`, { connection_id: conn.connection_id })
    await card
      .locator('[data-field="last-heartbeat"]')
      .filter({ hasText: /s ago$/ })
      .waitFor()
    expect(listGets.count()).toBeGreaterThan(0)

    await page.unroute('**/api/events*')
    await eventStreamLive().waitFor()
  })

  it('the primary connects on load; a stopped gateway shows as reconnecting, and offline on its card, without a reload', {
    timeout: 90_000,
  }, async () => {
    const { page } = app
    fake = await startFakeGateway({ token: 'live-e2e-token', agents: 2, sessions: 1 })
    gatewayResponseSchema.parse(
      await app.api('POST', '/api/gateways', {
        name: 'Live primary',
        host: '127.0.0.1',
        port: fake.port,
        token: 'live-e2e-token',
        is_primary: true,
      }),
    )
    // The status counts (filter chips, header) are the API's to recount after a flip; the list is not.
    const listGets = countGets(page, '/api/gateways', (url) => url.searchParams.has('status'))
    await page.goto(app.url('/gateways'))
    await eventStreamLive().waitFor()
    const state = page.getByTestId('relay-state')
    await page.locator('[data-testid="relay-state"][data-connected="true"]').waitFor()
    expect(await state.locator('[data-field="upstream-url"]').textContent()).toBe(
      `ws://127.0.0.1:${fake.port}`,
    )
    expect(await state.locator('[data-field="relay-status"]').textContent()).toBe('Connected')
    const mark = state.locator('[data-field="relay-status"] svg')
    expect(await mark.getAttribute('data-tone')).toBe('ok')
    await page
      .locator('article[data-gateway="Live primary"][data-status="online"]')
      .waitFor({ timeout: WITHIN_ONE_PROBE_MS })

    await listGets.settled()
    const before = listGets.count()
    const navigations: string[] = []
    page.on('framenavigated', (frame) => navigations.push(frame.url()))
    await fake.stop()
    fake = undefined
    // The relay notices at once (shutdown, close 1012), the card within one probe interval.
    await page.locator('[data-testid="relay-state"][data-connected="false"]').waitFor()
    expect(await state.locator('[data-field="relay-error"]').textContent()).toMatch(
      /gateway stopping|refused/,
    )
    // Calm while it retries: amber, not a red alarm.
    expect(await state.getAttribute('data-status')).toBe('reconnecting')
    expect(await mark.getAttribute('data-tone')).toBe('warn')
    await page
      .locator('article[data-gateway="Live primary"]:not([data-status="online"])')
      .waitFor({ timeout: WITHIN_ONE_PROBE_MS })
    expect(listGets.count()).toBe(before)
    expect(navigations).toEqual([])
  })

  it('an operator switches the relay to another gateway and sees its events', {
    timeout: 60_000,
  }, async () => {
    const { page } = app
    const [first, second] = await Promise.all([
      startFakeGateway({ token: 'switch-token-1' }),
      startFakeGateway({ token: 'switch-token-2' }),
    ])
    try {
      for (const [name, fakeGateway, token] of [
        ['Switch one', first, 'switch-token-1'],
        ['Switch two', second, 'switch-token-2'],
      ] as const) {
        await app.api('POST', '/api/gateways', { name, host: '127.0.0.1', port: fakeGateway.port, token })
      }
      await page.goto(app.url('/gateways'))
      const card = (name: string) => page.locator(`article[data-gateway="${name}"]`)
      await card('Switch one').locator('[data-action="connect"]').click()
      await page.locator('article[data-gateway="Switch one"][data-relay="connected"]').waitFor()
      first.emitEvent('presence', { presence: [{ host: 'switch-one-host' }] })
      await page.locator('[data-testid="relay-feed"] li[data-event="presence"]').waitFor()

      await card('Switch two').locator('[data-action="connect"]').click()
      await page.locator('article[data-gateway="Switch two"][data-relay="connected"]').waitFor()
      expect(await page.getByTestId('relay-state').locator('[data-field="upstream-url"]').textContent()).toBe(
        `ws://127.0.0.1:${second.port}`,
      )
      expect(await card('Switch one').getAttribute('data-relay')).toBe('none')
      second.emitEvent('tick', { ts: 1 })
      await page.locator('[data-testid="relay-feed"] li[data-event="tick"]').waitFor()
      // The feed is the connected gateway's: the first one's event is gone.
      expect(await page.locator('[data-testid="relay-feed"] li[data-event="presence"]').count()).toBe(0)
    } finally {
      await Promise.all([first.stop(), second.stop()])
    }
  })
})
