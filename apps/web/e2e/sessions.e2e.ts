import { type FakeGateway, startFakeGateway } from '@mc/openclaw/fake'
import { gatewayResponseSchema } from '@mc/shared'
import { afterAll, describe, expect, it } from 'vitest'
import { setupApp } from './harness/setup-app.ts'

// The shortest intervals the worker accepts: watchers picked up within 1.25 s (a quarter of the probe
// interval), the idle sweep every second, and a full reload (which finds deleted sessions) every 5 s.
const SESSION_RELOAD_S = 5
const app = setupApp({
  env: {
    PROBE_INTERVAL_S: '5',
    PROBE_TIMEOUT_MS: '2000',
    SESSION_SWEEP_S: '1',
    SESSION_RELOAD_S: String(SESSION_RELOAD_S),
  },
})
/** The idle threshold the gateway gets once its session has been seen ready: the shortest allowed. */
const IDLE_S = 5
/** The idle threshold, a sweep, and a margin for a loaded machine. */
const WITHIN_IDLE_MS = (IDLE_S + 1 + 30) * 1000
/** A full reload, and the same margin. */
const WITHIN_RELOAD_MS = (SESSION_RELOAD_S + 30) * 1000

const TOKEN = 'sessions-e2e-token'
const LABEL = 'nightly-report'

const row = (key: string, state?: string) =>
  app.page.locator(`tr[data-session="${key}"]${state ? `[data-state="${state}"]` : ''}`)
const stateChip = (state: string) =>
  app.page.locator('search[aria-label="Filter sessions"] button').filter({ hasText: new RegExp(`^${state}`) })
/** The number a state chip shows after its name ("idle 1"); NaN while the counts load ("idle …"). */
const chipCount = async (state: string) =>
  Number((await stateChip(state).textContent())?.match(/\d+$/)?.[0] ?? Number.NaN)

describe('the Sessions page', () => {
  let fake: FakeGateway | undefined
  afterAll(() => fake?.stop())

  it('follows a session live from creation through a run to idle and its end, then shows it', {
    timeout: 180_000,
  }, async () => {
    const { page } = app
    await app.signIn()
    fake = await startFakeGateway({ token: TOKEN })
    // A long idle threshold at first, so the session is surely seen ready before time makes it idle.
    const { gateway } = gatewayResponseSchema.parse(
      await app.api('POST', '/api/gateways', {
        name: 'Sessions gateway',
        host: '127.0.0.1',
        port: fake.port,
        token: TOKEN,
        session_idle_s: 3600,
      }),
    )

    await page.goto(app.url('/sessions'))
    await page.locator('[data-testid="event-stream"][data-state="live"]').waitFor()
    await page.getByRole('heading', { name: 'No sessions yet' }).waitFor()
    // With the stream live nothing polls: from here on only `session.changed` events change the page.
    const navigations: string[] = []
    page.on('framenavigated', (frame) => navigations.push(frame.url()))

    const { key } = fake.createSession({ label: LABEL })
    await row(key, 'ready').waitFor({ timeout: WITHIN_RELOAD_MS })
    expect(await row(key).getByRole('link', { name: LABEL }).count()).toBe(1)
    expect(await row(key).getByRole('link', { name: 'Sessions gateway' }).count()).toBe(1)

    fake.startRun(key)
    await row(key, 'active').waitFor()

    fake.endRun(key, { inputTokens: 1200, outputTokens: 340, costUsd: 0.0213 })
    await row(key, 'ready').waitFor()
    expect(await row(key).getByRole('cell', { name: '1,200 / 340' }).count()).toBe(1)
    expect(await row(key).getByRole('cell', { name: '$0.0213' }).count()).toBe(1)
    expect(await chipCount('idle')).toBe(0)

    await app.api('PUT', '/api/gateways', { id: gateway.id, session_idle_s: IDLE_S })
    await row(key, 'idle').waitFor({ timeout: WITHIN_IDLE_MS })
    await expect.poll(() => chipCount('idle')).toBe(1)
    expect(await chipCount('ready')).toBe(0)

    // Deleted on the gateway without an event: the next full reload ends it, and the live list drops it.
    fake.removeSession(key)
    await row(key).waitFor({ state: 'detached', timeout: WITHIN_RELOAD_MS })
    await expect.poll(() => chipCount('idle')).toBe(0)
    expect(navigations).toEqual([])

    await stateChip('ended').click()
    await row(key, 'ended').getByRole('link', { name: LABEL }).click()
    await page.getByRole('heading', { name: LABEL }).waitFor()
    expect(await page.locator('[data-fact="Key"]').textContent()).toBe(key)
    expect(await page.locator('[data-field="state"]').textContent()).toBe('ended')
  })
})
