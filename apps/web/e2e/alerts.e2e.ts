import { type FakeGateway, startFakeGateway } from '@mc/openclaw/fake'
import { gatewayResponseSchema, gatewaysResponseSchema } from '@mc/shared'
import { type HttpRecorder, startHttpRecorder } from '@mc/testing/http-recorder'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { setupApp } from './harness/setup-app.ts'

// Short probes and no grouping wait, so a stopped gateway opens its incident within seconds.
const PROBE_INTERVAL_S = 5
const app = setupApp({
  env: { PROBE_INTERVAL_S: String(PROBE_INTERVAL_S), PROBE_TIMEOUT_MS: '2000', ALERT_GROUP_WAIT_S: '0' },
})
/** A few probe intervals, plus the probe's own deadline and a margin for a loaded machine. */
const WITHIN_PROBES_MS = (3 * PROBE_INTERVAL_S + 2 + 20) * 1000

const TOKEN = 'alerts-e2e-token'
const GATEWAY = 'Alerting gateway'

describe('alerts and incidents', () => {
  let recorder: HttpRecorder
  let fake: FakeGateway | undefined
  beforeAll(async () => {
    recorder = await startHttpRecorder()
  })
  afterAll(async () => {
    await fake?.stop()
    await recorder?.close()
  })

  it('an admin sets up a webhook and a rule in the UI; a stopped gateway opens an incident live, acknowledged, then resolved', {
    timeout: 180_000,
  }, async () => {
    const { page } = app
    await app.signIn()
    fake = await startFakeGateway({ token: TOKEN })
    const port = fake.port
    const { gateway } = gatewayResponseSchema.parse(
      await app.api('POST', '/api/gateways', { name: GATEWAY, host: '127.0.0.1', port, token: TOKEN }),
    )

    // A webhook channel pointing at a real receiver on loopback, and its test message.
    await page.goto(app.url('/alerts'))
    await page.waitForURL('**/alerts/channels')
    await page.getByRole('button', { name: '+ Add channel' }).click()
    const channelForm = page.getByRole('form', { name: 'Add a channel' })
    await channelForm.getByLabel('Name').fill('Team webhook')
    await channelForm.getByLabel('URL').fill(recorder.url('/hook'))
    await channelForm.getByLabel('Signing secret').fill('alerts-e2e-signing-secret')
    await page.getByRole('button', { name: 'Add channel', exact: true }).click()
    const channelRow = page.locator('tr[data-channel="Team webhook"]')
    await channelRow.waitFor()
    await channelRow.getByRole('button', { name: 'Send test' }).click()
    const testResult = channelRow.getByTestId('test-result')
    await testResult.locator('[data-testid="delivery-outcome"][data-ok="true"]').waitFor()
    expect(await testResult.textContent()).toMatch(/Delivered · status 200/)
    expect(recorder.requests.length).toBeGreaterThan(0)

    // A gateway_down rule after one failed probe, sending to that channel.
    await page.getByRole('navigation', { name: 'Alerts' }).getByRole('link', { name: 'Rules' }).click()
    await page.getByRole('button', { name: '+ Add rule' }).click()
    const ruleForm = page.getByRole('form', { name: 'Add a rule' })
    await ruleForm.getByLabel('Name').fill('Gateway down')
    expect(await ruleForm.getByLabel('Kind').inputValue()).toBe('gateway_down')
    await ruleForm.getByLabel('after_failures').fill('1')
    await ruleForm.getByLabel('Team webhook (webhook)').check()
    await page.getByRole('button', { name: 'Add rule', exact: true }).click()
    await page.locator('tr[data-rule="Gateway down"]').waitFor()

    // The gateway is seen online before it stops, so its outage is a change the worker notices.
    await expect
      .poll(
        async () => {
          const { gateways } = gatewaysResponseSchema.parse(await app.api('GET', '/api/gateways'))
          return gateways.find((each) => each.id === gateway.id)?.status
        },
        { timeout: WITHIN_PROBES_MS },
      )
      .toBe('online')

    await page.goto(app.url('/incidents'))
    await page.locator('[data-testid="event-stream"][data-state="live"]').waitFor()
    await page.getByRole('heading', { name: 'No open incidents' }).waitFor()
    const navigations: string[] = []
    page.on('framenavigated', (frame) => navigations.push(frame.url()))

    await fake.stop()
    fake = undefined
    const incident = (status: string) =>
      page.locator(
        `section[data-section="${status}"] article[data-subject="${GATEWAY}"][data-status="${status}"]`,
      )
    await incident('open').waitFor({ timeout: WITHIN_PROBES_MS })
    expect(navigations).toEqual([])
    // Its channel was told.
    await expect
      .poll(() => recorder.requests.some((request) => request.headers['x-mc-event'] === 'incident.opened'), {
        timeout: WITHIN_PROBES_MS,
      })
      .toBe(true)

    await incident('open').getByRole('button', { name: 'Acknowledge' }).click()
    await incident('acknowledged').waitFor()
    expect(await incident('acknowledged').textContent()).toContain('acknowledged by user:admin')
    expect(await incident('open').count()).toBe(0)

    fake = await startFakeGateway({ token: TOKEN, port })
    await incident('resolved').waitFor({ timeout: WITHIN_PROBES_MS })
    expect(await incident('acknowledged').count()).toBe(0)
    expect(navigations).toEqual([])

    // Its page tells the story from opening to resolution.
    await incident('resolved').getByRole('link', { name: 'Gateway down' }).click()
    const timeline = page.getByTestId('incident-timeline')
    await timeline.locator('li[data-entry="resolved"]').waitFor()
    expect(await timeline.locator('li[data-entry="opened"]').count()).toBe(1)
    expect(await timeline.locator('li[data-entry="acknowledged"]').count()).toBe(1)
  })
})
