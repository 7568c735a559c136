import { randomBytes } from 'node:crypto'
import { connectResponseSchema } from '@mc/shared'
import { beforeEach, describe, expect, it } from 'vitest'
import { setupApp } from './harness/setup-app.ts'

const app = setupApp()

const card = (connectionId: string) => app.page.locator(`article[data-connection="${connectionId}"]`)
const lastHeartbeat = (connectionId: string) => card(connectionId).locator('[data-field="last-heartbeat"]')

/** The seed's registration body, with a name of the test's own. */
async function connect(agentName: string, tool = 'codex') {
  const body = {
    agent_name: agentName,
    tool_name: tool,
    tool_version: '2.1.0',
    metadata: { workspace: '/home/user/project', model: 'claude-3-5-sonnet-20241022' },
  }
  return connectResponseSchema.parse(await app.api('POST', '/api/connect', body))
}

const heartbeat = (agentId: number, body: Record<string, unknown>) =>
  app.api('POST', `/api/agents/${agentId}/heartbeat`, body)

/** "Last heartbeat: 12 s ago" → 12; "none yet" → -1. */
async function heartbeatAge(connectionId: string): Promise<number> {
  const text = (await lastHeartbeat(connectionId).textContent()) ?? ''
  const match = /(\d+) s ago/.exec(text)
  return match ? Number(match[1]) : -1
}

describe('direct CLI connections', () => {
  beforeEach(() => app.signIn())

  it('a registered connection appears with its tool, role and metadata; a heartbeat freshens it', async () => {
    const { page } = app
    const conn = await connect('codex-session-01')
    await page.goto(app.url('/connections'))
    await card(conn.connection_id).waitFor()

    const text = await card(conn.connection_id).textContent()
    expect(text).toContain('codex-session-01')
    expect(text).toContain('codex 2.1.0')
    expect(text).toMatch(/Connected/i)
    expect(await card(conn.connection_id).getAttribute('data-status')).toBe('connected')
    const link = card(conn.connection_id).getByRole('link', { name: 'codex-session-01' })
    expect(await link.getAttribute('href')).toBe(`/agents/${conn.agent_id}`)

    // The metadata opens into pretty JSON.
    await card(conn.connection_id).locator('summary').click()
    expect(await card(conn.connection_id).locator('pre').textContent()).toContain(
      '"workspace": "/home/user/project"',
    )

    // No heartbeat yet; after one the time shows, and after the next it moves forward.
    expect(await lastHeartbeat(conn.connection_id).textContent()).toBe('Last heartbeat: none yet')
    await heartbeat(conn.agent_id, { connection_id: conn.connection_id })
    await expect.poll(() => heartbeatAge(conn.connection_id)).toBeGreaterThanOrEqual(2)
    const before = String(await lastHeartbeat(conn.connection_id).getAttribute('title'))
    await heartbeat(conn.agent_id, { connection_id: conn.connection_id })
    await expect.poll(() => lastHeartbeat(conn.connection_id).getAttribute('title')).not.toBe(before)
    expect(String(await lastHeartbeat(conn.connection_id).getAttribute('title')) > before).toBe(true)
    expect(await lastHeartbeat(conn.connection_id).textContent()).toMatch(/^Last heartbeat: \d+ s ago$/)
  })

  it('an operator ends a connection from the UI after confirming, and the row shows it closed', async () => {
    const { page } = app
    const conn = await connect('claude-e2e', 'claude-code')
    await page.goto(app.url('/connections?status=all'))
    await card(conn.connection_id).getByRole('button', { name: 'End connection' }).click()
    const dialog = page.getByRole('alertdialog', { name: 'End the connection of claude-e2e?' })
    expect(await dialog.textContent()).toContain(conn.connection_id)
    await dialog.getByRole('button', { name: 'End connection' }).click()
    await page
      .locator(`article[data-connection="${conn.connection_id}"][data-status="disconnected"]`)
      .waitFor()
    await dialog.waitFor({ state: 'hidden' })
    expect(await card(conn.connection_id).locator('[data-field="closed"]').textContent()).toMatch(
      /^Disconnected \d+ s ago: disconnected$/,
    )
    expect(await card(conn.connection_id).getByRole('button', { name: 'End connection' }).count()).toBe(0)

    // Still closed after a reload (the API agrees), and gone from the default view of open ones.
    await page.reload()
    await page
      .locator(`article[data-connection="${conn.connection_id}"][data-status="disconnected"]`)
      .waitFor()
    await page.goto(app.url('/connections'))
    await page.getByRole('heading', { name: 'Direct CLI Connections' }).waitFor()
    await expect.poll(() => card(conn.connection_id).count()).toBe(0)
  })

  it("the agent's page shows token usage per model after a heartbeat with tokens", async () => {
    const { page } = app
    const conn = await connect('tokens-agent')
    await heartbeat(conn.agent_id, {
      connection_id: conn.connection_id,
      tokens: { input: 1500, output: 800, model: 'claude-3-5-sonnet-20241022' },
    })
    await page.goto(app.url('/agents'))
    await page.locator('tr[data-agent="tokens-agent"]').getByRole('link', { name: 'tokens-agent' }).click()
    await page.waitForURL(`**/agents/${conn.agent_id}`)

    const row = page.locator('tr[data-model="claude-3-5-sonnet-20241022"]')
    await row.waitFor()
    expect(await row.locator('[data-field="input"]').textContent()).toBe('1,500')
    expect(await row.locator('[data-field="output"]').textContent()).toBe('800')
    await page.getByTestId('token-chart').locator('.recharts-bar-rectangle').first().waitFor()
    // The open connection is listed on the agent's page too.
    await card(conn.connection_id).waitFor()
    expect(await page.locator('[data-field="status"]').textContent()).toBe('online')

    await page.getByRole('button', { name: 'All time' }).click()
    expect(await row.locator('[data-field="input"]').textContent()).toBe('1,500')
  })

  it('an unknown agent gets a 404 page', async () => {
    await app.page.goto(app.url('/agents/no-such-agent'))
    await app.page.getByRole('heading', { name: 'Agent not found' }).waitFor()
  })

  it('a viewer sees connections, here and in the Gateway Manager, but no End connection button', async () => {
    const { page } = app
    const conn = await connect('viewer-visible')
    const viewer = { username: 'vic', password: randomBytes(12).toString('base64url') }
    await app.api('POST', '/api/users', { ...viewer, role: 'viewer' })
    await app.signIn(viewer)

    await page.goto(app.url('/connections'))
    await card(conn.connection_id).waitFor()
    expect(await page.getByRole('button', { name: 'End connection', exact: true }).count()).toBe(0)

    await page.goto(app.url('/gateways'))
    const section = page.getByRole('region', { name: 'Direct CLI Connections' })
    await section.locator(`article[data-connection="${conn.connection_id}"]`).waitFor()
    expect(await section.getByRole('button', { name: 'End connection', exact: true }).count()).toBe(0)
  })
})
