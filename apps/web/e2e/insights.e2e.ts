import { freePort } from '@mc/local-stack'
import { connectResponseSchema, gatewayResponseSchema } from '@mc/shared'
import type { Locator } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase, type Sql } from './harness/database.ts'
import { setupApp } from './harness/setup-app.ts'

const app = setupApp()
let sql: Sql
beforeAll(() => {
  sql = openDatabase(app.stack.databaseUrl)
})
afterAll(() => sql?.end({ timeout: 5 }))

/** The ids the fixtures got; set once by `seed()`. */
interface Seeded {
  alpha: number
  beta: number
}
let seeded: Promise<Seeded> | undefined

/** Gateways without a token (no watcher writes beside the fixtures), then what their workers would have written. */
function seed(): Promise<Seeded> {
  seeded ??= (async () => {
    const gateway = async (name: string) =>
      gatewayResponseSchema.parse(
        await app.api('POST', '/api/gateways', { name, host: '127.0.0.1', port: await freePort() }),
      ).gateway.id
    const alpha = await gateway('Alpha')
    const beta = await gateway('Beta')
    await seedTools(alpha, beta)
    await seedUsage(alpha)
    await seedTimeline(alpha)
    await seedAuthFailures(alpha)
    return { alpha, beta }
  })()
  return seeded
}

/**
 * web_search on Alpha: an hour only in the rollup (10 calls, 1 failed), an hour both rolled up and
 * still raw (4 calls: its 7-day baseline, p95 385 ms), and three raw calls in the last minutes, one
 * failing (p95 1105 ms: degrading). 17 calls, 2 failures, max 1.2 s. exec on Beta: one rolled-up hour,
 * 4 calls, 2 failed. Rolled-up hours match their raw calls, so the worker's rollup changes nothing.
 */
async function seedTools(alpha: number, beta: number) {
  const tool = async (gatewayId: number, name: string) =>
    Number(
      (await sql`insert into gateway_tools (gateway_id, name) values (${gatewayId}, ${name}) returning id`)[0]
        ?.id,
    )
  const search = { id: await tool(alpha, 'web_search') }
  const exec = { id: await tool(beta, 'exec') }
  await sql`insert into gateway_tool_hourly (tool_id, hour, calls, failures, p50_ms, p95_ms, max_ms) values
    (${search.id}, date_trunc('hour', now()) - interval '3 hours', 10, 1, 100, 400, 900),
    (${search.id}, date_trunc('hour', now()) - interval '2 hours', 4, 0, 250, 385, 400),
    (${exec.id}, date_trunc('hour', now()) - interval '2 hours', 4, 2, 30, 60, 80)`
  // The database's clock, as the API's windows read it, in unix seconds.
  const [clock] =
    await sql`select extract(epoch from date_trunc('hour', now()) - interval '2 hours')::float8 as base,
    extract(epoch from now())::float8 as recent`
  const iso = (seconds: number) => new Date(seconds * 1000).toISOString()
  const call = (id: string, endedAt: number, ms: number, error: string | null = null) =>
    sql`insert into gateway_tool_calls (tool_id, gateway_id, tool_call_id, session_key, agent, started_at,
        ended_at, duration_ms, ok, error, exit_code, source)
      values (${search.id}, ${alpha}, ${id}, 'agent:main:alpha', 'main', ${iso(endedAt - ms / 1000)},
        ${iso(endedAt)}, ${ms}, ${error === null}, ${error}, ${error === null ? null : 2}, 'event')`
  const base = Number(clock?.base)
  const recent = Number(clock?.recent)
  for (const [index, ms] of [100, 200, 300, 400].entries())
    await call(`base-${index}`, base + 600 + index, ms)
  await call('recent-1', recent - 180, 150)
  await call('recent-2', recent - 120, 250)
  await call('recent-3', recent - 60, 1200, 'HTTP 503 from search backend')
}

/**
 * Alpha's sessions today and yesterday (cost as the gateway reported it), and a CLI agent's
 * heartbeat tokens on claude-sonnet-4-5, priced by the table ($3 / $15 per million): $4.50.
 */
async function seedUsage(alpha: number) {
  await sql`insert into gateway_usage (gateway_id, day, session_key, agent, model, input_tokens, output_tokens, cost_usd)
    values
    (${alpha}, (now() at time zone 'utc')::date, 'agent:main:alpha', 'main', 'claude-sonnet-4-5', 200000, 50000, 1.25),
    (${alpha}, (now() at time zone 'utc')::date - 1, 'agent:research:alpha', 'research', 'gpt-4o', 100000, 20000, 0.45)`
  const cli = connectResponseSchema.parse(
    await app.api('POST', '/api/connect', { agent_name: 'codex-e2e', tool_name: 'codex' }),
  )
  await sql`insert into token_usage (agent_id, model, input_tokens, output_tokens)
    values (${cli.agent_id}, 'claude-sonnet-4-5', 1000000, 100000)`
}

/** 55 older `health` events (more than a page), then a few of a session, and a sampled flood. */
async function seedTimeline(alpha: number) {
  await sql`insert into gateway_events (gateway_id, at, type, summary)
    select ${alpha}, now() - interval '3 hours' + n * interval '1 second', 'health', 'health snapshot'
    from generate_series(1, 55) n`
  await sql`insert into gateway_events (gateway_id, at, type, session_key, agent, run_id, summary, count, sampled) values
    (${alpha}, now() - interval '20 minutes', 'agent:lifecycle', 'agent:main:alpha', 'main', 'run-1', 'run started', 1, false),
    (${alpha}, now() - interval '19 minutes', 'agent:item', 'agent:main:alpha', 'main', 'run-1', 'tool web_search started', 1, false),
    (${alpha}, now() - interval '18 minutes', 'agent:item', 'agent:research:alpha', 'research', 'run-2', 'tool exec started', 1, false),
    (${alpha}, now() - interval '17 minutes', 'agent:assistant', 'agent:main:alpha', 'main', 'run-1', 'assistant text', 240, true)`
}

/** 12 refused handshakes from one address, 3 from another: 15 in the last 24 hours. */
async function seedAuthFailures(alpha: number) {
  await sql`insert into gateway_auth_failures (gateway_id, minute, address, reason, count, last_at) values
    (${alpha}, date_trunc('minute', now()) - interval '30 minutes', '203.0.113.7', 'token_mismatch', 12, now() - interval '29 minutes'),
    (${alpha}, date_trunc('minute', now()) - interval '10 minutes', '198.51.100.2', 'token_missing', 3, now() - interval '10 minutes')`
}

/** The text of each cell of a row, trimmed. */
const cells = async (row: Locator) => (await row.locator('td').allTextContents()).map((text) => text.trim())

describe('insights', () => {
  it('lists tools per gateway with their numbers, filters them, and charts one tool by the hour', async () => {
    const { page } = app
    await app.signIn()
    const { alpha } = await seed()
    await page.goto(app.url('/'))
    await page.getByRole('navigation').getByRole('link', { name: 'Tools' }).click()
    await page.getByRole('heading', { name: 'Tools', level: 1 }).waitFor()

    const search = page.locator('tr[data-tool="web_search"]')
    const exec = page.locator('tr[data-tool="exec"]')
    await search.waitFor()
    expect(await cells(search)).toEqual([
      'Alpha',
      'web_searchDegrading',
      '17',
      '2',
      '12 %',
      expect.any(String),
      expect.any(String),
      '1.2 s',
    ])
    expect(await search.getAttribute('data-degrading')).toBe('true')
    expect(await cells(exec)).toEqual(['Beta', 'exec', '4', '2', '50 %', '30 ms', '60 ms', '80 ms'])

    // Alpha only, then its last hour: the three raw calls.
    await page.getByRole('combobox', { name: 'Gateway' }).selectOption({ label: 'Alpha' })
    await exec.waitFor({ state: 'detached' })
    expect(new URL(page.url()).searchParams.get('gateway_id')).toBe(String(alpha))
    await page.getByRole('button', { name: '1 h' }).click()
    await expect.poll(async () => (await cells(search))[2]).toBe('3')
    expect((await cells(search))[3]).toBe('1')

    await page.getByRole('button', { name: '24 h' }).click()
    await expect.poll(async () => (await cells(search))[2]).toBe('17')
    await search.getByRole('link', { name: 'web_search' }).click()
    await page.getByRole('heading', { name: 'web_search', level: 1 }).waitFor()
    expect(new URL(page.url()).searchParams.get('gateway_id')).toBe(String(alpha))
    await page.locator('[data-stat="calls"]').getByText('17').waitFor()
    expect(await page.locator('[data-stat="baseline-p95"]').textContent()).toContain('385 ms')
    expect(await page.locator('[data-stat="failures"]').textContent()).toContain('2')

    const latency = page.getByTestId('tool-latency-chart')
    await latency.locator('.recharts-wrapper > svg').waitFor()
    // p95 and p50 lines, and the 7-day p95 as a reference line.
    expect(await latency.locator('path.recharts-line-curve').count()).toBe(2)
    expect(await latency.locator('.recharts-reference-line').count()).toBe(1)
    expect(await page.getByTestId('tool-calls-chart').getAttribute('aria-label')).toBe(
      'Calls by hour: 17 calls, 2 failed',
    )
    expect(
      await page.getByTestId('tool-calls-chart').locator('.recharts-bar-rectangle').count(),
    ).toBeGreaterThan(0)

    const failure = page.getByRole('table', { name: 'Latest failures' }).locator('tbody tr')
    expect(await failure.count()).toBe(1)
    expect(await cells(failure)).toEqual([
      expect.any(String),
      'Alpha',
      'agent:main:alpha',
      'HTTP 503 from search backend',
      '2',
      '1.2 s',
    ])
  })

  it('charts usage per day, switches its grouping, and lets an admin reprice a model', async () => {
    const { page } = app
    await app.signIn()
    await seed()
    await page.goto(app.url('/usage'))
    await page.getByRole('heading', { name: 'Usage', level: 1 }).waitFor()

    const group = (key: string) =>
      page.getByRole('table', { name: 'Usage by group' }).locator(`tr[data-group="${key}"]`)
    await group('CLI agents').waitFor()
    expect(await cells(group('CLI agents'))).toEqual(['CLI agents', '1,000,000', '100,000', '$4.50'])
    expect(await cells(group('Alpha'))).toEqual(['Alpha', '300,000', '70,000', '$1.70'])
    const chart = page.getByTestId('usage-chart')
    await chart.locator('.recharts-wrapper > svg').waitFor()
    // Today: Alpha and the CLI agent; yesterday: Alpha.
    expect(await chart.locator('.recharts-bar-rectangle').count()).toBe(3)
    expect(await chart.getAttribute('aria-label')).toBe('Tokens per day by CLI agents, Alpha')

    await page.getByRole('button', { name: 'Model' }).click()
    await group('gpt-4o').waitFor()
    expect(await cells(group('claude-sonnet-4-5'))).toEqual([
      'claude-sonnet-4-5',
      '1,200,000',
      '150,000',
      '$5.75',
    ])
    expect(await cells(group('gpt-4o'))).toEqual(['gpt-4o', '100,000', '20,000', '$0.45'])
    expect(new URL(page.url()).searchParams.get('group_by')).toBe('model')
    await page.getByRole('button', { name: 'Cost' }).click()
    await page.locator('[data-testid="usage-chart"][data-measure="cost"]').waitFor()

    // The API's own message under the field, then a price that counts.
    const prices = page.getByRole('table', { name: 'Model prices' })
    await prices.locator('tr[data-model="claude-sonnet-4-5"]').getByRole('button', { name: 'Edit' }).click()
    const editing = prices.locator('tr[data-model="claude-sonnet-4-5"][data-editing="true"]')
    const input = editing.getByRole('textbox', { name: 'Input $ / M tokens' })
    await input.fill('-1')
    await editing.getByRole('button', { name: 'Save' }).click()
    await editing.getByText('must not be negative').waitFor()
    expect(await input.getAttribute('aria-invalid')).toBe('true')
    await input.fill('6')
    await editing.getByRole('button', { name: 'Save' }).click()
    await editing.waitFor({ state: 'detached' })
    expect((await cells(prices.locator('tr[data-model="claude-sonnet-4-5"]'))).slice(0, 3)).toEqual([
      'claude-sonnet-4-5',
      '$6',
      '$15',
    ])
    // 1.25 reported by the gateway, 6 + 1.50 for the CLI agent's tokens.
    await expect.poll(async () => (await cells(group('claude-sonnet-4-5')))[3]).toBe('$8.75')
  })

  it("shows a gateway's timeline with filters and paging, its auth failures, and the fleet's total", async () => {
    const { page } = app
    await app.signIn()
    const { alpha } = await seed()
    await page.goto(app.url(`/gateways/${alpha}`))
    const timeline = page.getByRole('table', { name: 'Timeline' })
    const rows = timeline.locator('tbody tr')
    const count = page.getByTestId('timeline-count')
    await expect.poll(() => count.textContent()).toBe('50 events')
    // Newest first: the sampled flood says so.
    const sampled = timeline.locator('tr[data-sampled="true"]')
    expect(await sampled.count()).toBe(1)
    expect(await sampled.textContent()).toContain('×240, sampled')
    expect(await cells(rows.first())).toEqual([
      expect.any(String),
      'agent:assistant',
      'agent:main:alpha',
      'main',
      'assistant text×240, sampled',
    ])

    await page.getByRole('button', { name: 'Older events' }).click()
    await expect.poll(() => count.textContent()).toBe('59 events · all that are kept')

    const filters = page.getByRole('search', { name: 'Filter events' })
    await filters.getByRole('combobox', { name: 'Event type' }).selectOption('agent:item')
    await expect.poll(() => rows.count()).toBe(2)
    await filters.getByRole('searchbox', { name: 'Session' }).fill('agent:research:alpha')
    await expect.poll(() => rows.count()).toBe(1)
    expect(await rows.first().textContent()).toContain('tool exec started')
    await filters.getByRole('searchbox', { name: 'Session' }).fill('')
    await filters.getByRole('combobox', { name: 'Event type' }).selectOption('')
    // Back to every event: the pages already loaded, kept.
    await expect.poll(() => count.textContent()).toBe('59 events · all that are kept')
    // Since an hour ago: the four recent events, not the health snapshots of three hours ago.
    await filters.getByRole('combobox', { name: 'Since' }).selectOption({ label: 'Last hour' })
    await expect.poll(() => count.textContent()).toBe('4 events · all that are kept')

    expect(await page.getByTestId('auth-failures-total').textContent()).toBe('15')
    const byAddress = page
      .getByRole('table', { name: 'Authentication failures by address' })
      .locator('tbody tr')
    expect((await cells(byAddress.first())).slice(0, 3)).toEqual(['203.0.113.7', '12', 'token_mismatch'])
    expect((await cells(byAddress.nth(1))).slice(0, 3)).toEqual(['198.51.100.2', '3', 'token_missing'])

    await page.getByRole('navigation').getByRole('link', { name: 'Overview' }).click()
    const tile = page.locator('[data-stat="auth-failures"]')
    await tile.getByRole('link', { name: '15' }).click()
    await page.waitForURL((url) => url.pathname === '/gateways')
  })
})
