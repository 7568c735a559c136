import { type FakeGateway, startFakeGateway } from '@mc/openclaw/fake'
import { gatewayResponseSchema } from '@mc/shared'
import { afterEach, describe, expect, it } from 'vitest'
import { saveScreenshot } from './harness/screenshot.ts'
import { setupApp } from './harness/setup-app.ts'

// The API retries a lost gateway after 1, 2, 4, 4, 4 s: the browser gives up after six failures in
// a row, some 15 s after the gateway went away; long enough to bring it back before that.
const app = setupApp({ env: { LIVE_BACKOFF_BASE_MS: '1000', LIVE_BACKOFF_MAX_MS: '4000' } })
const GIVE_UP_WITHIN_MS = 45_000

const TOKEN = 'one-truth-token'
const NAME = 'Lab'

interface Shown {
  status: string | null
  text: string | null
}

/** The relay status as the header, the gateway's card and the Current connection box show it, at one instant. */
function readAllThree(): Promise<Record<'header' | 'card' | 'box', Shown | null>> {
  return app.page.evaluate((name) => {
    const read = (selector: string) => {
      const element = document.querySelector(`${selector} [data-field="relay-status"]`)
      return element && { status: element.getAttribute('data-status'), text: element.textContent }
    }
    return {
      header: read('[data-testid="relay-indicator"]'),
      card: read(`article[data-gateway="${name}"]`),
      box: read('[data-testid="relay-state"]'),
    }
  }, NAME)
}

const everywhere = (status: string, text: string) => {
  const shown = { status, text }
  return { header: shown, card: shown, box: shown }
}

/** The mark next to the words in the header: its tone, and whether it pulses. */
async function headerMark() {
  const mark = app.page.getByTestId('relay-indicator').locator('[data-field="relay-status"] svg')
  return { tone: await mark.getAttribute('data-tone'), classes: (await mark.getAttribute('class')) ?? '' }
}

describe('one gateway’s relay reads the same everywhere', () => {
  let fake: FakeGateway | undefined
  afterEach(async () => {
    await fake?.stop()
    fake = undefined
  })

  it('through connect, gateway stop, reconnect and give-up: header, card and connection box agree', {
    timeout: 120_000,
  }, async () => {
    const { page } = app
    await app.signIn()
    fake = await startFakeGateway({ token: TOKEN })
    const { port } = fake
    gatewayResponseSchema.parse(
      await app.api('POST', '/api/gateways', { name: NAME, host: '127.0.0.1', port, token: TOKEN }),
    )
    await page.goto(app.url('/gateways'))
    const card = page.locator(`article[data-gateway="${NAME}"]`)
    await card.waitFor()

    // Before any action: the same calm "Not connected" in the header and the box, nothing on the card.
    await expect.poll(readAllThree).toEqual({
      header: { status: 'idle', text: 'Not connected' },
      card: null,
      box: { status: 'idle', text: 'Not connected' },
    })
    expect((await headerMark()).tone).toBe('unknown')

    await card.getByRole('button', { name: 'Connect' }).click()
    await expect.poll(readAllThree).toEqual(everywhere('connected', 'Connected'))
    expect(await page.getByTestId('relay-indicator').textContent()).toContain(NAME)

    // The gateway stops: reconnecting (amber, calm) everywhere, with why and what comes next.
    await fake.stop()
    fake = undefined
    await expect.poll(readAllThree).toEqual(everywhere('reconnecting', 'Reconnecting…'))
    expect(await headerMark()).toMatchObject({ tone: 'warn', classes: expect.not.stringContaining('pulse') })
    const box = page.getByTestId('relay-state')
    expect(await box.locator('[data-field="relay-error"]').textContent()).toMatch(/gateway stopping|refused/)
    await saveScreenshot(page, 'relay-reconnecting')
    // Back before the browser gives up: connected again, by itself.
    fake = await startFakeGateway({ token: TOKEN, port })
    await expect.poll(readAllThree).toEqual(everywhere('connected', 'Connected'))

    // Gone for good: after six failures in a row the browser stops, says so, and offers Try again.
    await fake.stop()
    fake = undefined
    await expect.poll(readAllThree, { timeout: GIVE_UP_WITHIN_MS }).toEqual(everywhere('gave-up', 'Gave up'))
    expect(await headerMark()).toMatchObject({
      tone: 'stopped',
      classes: expect.not.stringContaining('pulse'),
    })
    expect(await box.locator('[data-field="relay-retry"]').textContent()).toBe(
      'Stopped after 6 failed attempts in a row',
    )
    expect(await box.locator('[data-field="relay-error"]').textContent()).toMatch(/refused/)
    await saveScreenshot(page, 'relay-gave-up')
    await page
      .getByRole('region', { name: 'Current connection' })
      .getByRole('button', { name: 'Try again' })
      .waitFor()
    await card.getByRole('button', { name: 'Try again' }).waitFor()

    // The header keeps the same calm state on every page.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Connections' }).click()
    await page.getByRole('heading', { level: 1, name: 'Direct CLI Connections' }).waitFor()
    const header = page.getByTestId('relay-indicator')
    expect(await header.getAttribute('data-status')).toBe('gave-up')
    expect(await header.textContent()).toBe(`Gave up${NAME}`)
  })
})
