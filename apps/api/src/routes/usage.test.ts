import { makeGateway } from '@mc/db/testing'
import { CLI_AGENTS_USAGE_KEY, type UsageResponse, usageResponseSchema } from '@mc/shared'
import { beforeAll, describe, expect, it } from 'vitest'
import { type Call, callerWithRole } from '../testing/alert-factories.ts'
import { useTestApp } from '../testing/test-app.ts'
import { makeCliAgent, storeGatewayUsage } from '../testing/usage-factories.ts'

const t = useTestApp()
let viewer: Call
let admin: Call
let seq = 0

beforeAll(async () => {
  viewer = await callerWithRole(t, 'viewer')
  admin = await callerWithRole(t, 'admin')
  // $2 in, $10 out per million tokens: 1M in + 100k out cost $3.
  const priced = await admin('PUT', '/api/model-prices/usage-test-model', {
    input_usd_per_mtok: 2,
    output_usd_per_mtok: 10,
  })
  expect(priced.status, priced.text).toBe(201)
})

/**
 * A UTC day of its own per test (the report reads every gateway and agent of the database): each
 * test's facts fall on days no other test uses.
 */
function ownDays() {
  const base = Date.UTC(2031, 0, 1) + ++seq * 10 * 86_400_000
  const day = (n: number) => new Date(base + n * 86_400_000).toISOString().slice(0, 10)
  const unix = (iso: string) => Math.floor(Date.parse(iso) / 1000)
  return { day, unix, name: (stem: string) => `usage-${seq}-${stem}` }
}

async function report(query: string): Promise<UsageResponse> {
  const res = await viewer('GET', `/api/usage?${query}`)
  expect(res.status, res.text).toBe(200)
  return usageResponseSchema.parse(res.body)
}

/** Two gateways' sessions and two CLI agents on days 0 and 1. */
async function fleetUsage() {
  const { day, unix, name } = ownDays()
  const [a, b] = [await makeGateway(t.deps.db, name('gw-a')), await makeGateway(t.deps.db, name('gw-b'))]
  const usage = { inputTokens: 1000, outputTokens: 100 }
  await storeGatewayUsage(t.deps.db, a.id, { day: day(0), sessionKey: 's1', ...usage, costUsd: 0.5 })
  await storeGatewayUsage(t.deps.db, a.id, {
    day: day(0),
    sessionKey: 's2',
    agent: 'ops',
    model: 'usage-test-model',
    ...usage,
    costUsd: 0.25,
  })
  await storeGatewayUsage(t.deps.db, a.id, { day: day(1), sessionKey: 's1', ...usage, costUsd: 0.125 })
  await storeGatewayUsage(t.deps.db, b.id, {
    day: day(1),
    sessionKey: 's9',
    agent: null,
    model: null,
    ...usage,
    costUsd: 1,
  })
  const coder = await makeCliAgent(t.deps.db, name('coder'))
  await coder.used('usage-test-model', `${day(0)}T10:00:00Z`, {
    inputTokens: 1_000_000,
    outputTokens: 100_000,
  })
  await coder.used('usage-test-model', `${day(1)}T10:00:00Z`, { inputTokens: 500_000, outputTokens: 0 })
  const other = await makeCliAgent(t.deps.db, name('other'))
  await other.used('unpriced-model', `${day(1)}T23:00:00Z`, { inputTokens: 40, outputTokens: 2 })
  const range = `since=${unix(`${day(0)}T00:00:00Z`)}&until=${unix(`${day(1)}T12:00:00Z`)}`
  return { a, b, day, range, coder, other }
}

describe('GET /api/usage', () => {
  it('groups by gateway, CLI agents together, priced by the model price table', async () => {
    const { a, b, day, range } = await fleetUsage()
    const body = await report(`group_by=gateway&${range}`)
    expect(body.groups).toEqual([
      { key: CLI_AGENTS_USAGE_KEY, input_tokens: 1_500_040, output_tokens: 100_002, cost_usd: 4 },
      { key: b.name, gateway_id: b.id, input_tokens: 1000, output_tokens: 100, cost_usd: 1 },
      { key: a.name, gateway_id: a.id, input_tokens: 3000, output_tokens: 300, cost_usd: 0.875 },
    ])
    expect(body.series).toEqual([
      {
        date: day(0),
        key: CLI_AGENTS_USAGE_KEY,
        input_tokens: 1_000_000,
        output_tokens: 100_000,
        cost_usd: 3,
      },
      { date: day(0), key: a.name, input_tokens: 2000, output_tokens: 200, cost_usd: 0.75 },
      // As costly as gateway b that day, with more tokens.
      { date: day(1), key: CLI_AGENTS_USAGE_KEY, input_tokens: 500_040, output_tokens: 2, cost_usd: 1 },
      { date: day(1), key: b.name, input_tokens: 1000, output_tokens: 100, cost_usd: 1 },
      { date: day(1), key: a.name, input_tokens: 1000, output_tokens: 100, cost_usd: 0.125 },
    ])
  })

  it('groups by agent: a gateway agent as <gateway>/<agent>, a CLI agent by its name', async () => {
    const { a, b, range, coder, other } = await fleetUsage()
    const body = await report(`group_by=agent&${range}`)
    expect(body.groups).toEqual([
      {
        key: coder.agent.name,
        agent: coder.agent.name,
        input_tokens: 1_500_000,
        output_tokens: 100_000,
        cost_usd: 4,
      },
      {
        key: `${b.name}/(unknown)`,
        gateway_id: b.id,
        agent: '(unknown)',
        input_tokens: 1000,
        output_tokens: 100,
        cost_usd: 1,
      },
      {
        key: `${a.name}/main`,
        gateway_id: a.id,
        agent: 'main',
        input_tokens: 2000,
        output_tokens: 200,
        cost_usd: 0.625,
      },
      {
        key: `${a.name}/ops`,
        gateway_id: a.id,
        agent: 'ops',
        input_tokens: 1000,
        output_tokens: 100,
        cost_usd: 0.25,
      },
      // A model the price table does not know costs nothing.
      { key: other.agent.name, agent: other.agent.name, input_tokens: 40, output_tokens: 2, cost_usd: 0 },
    ])
    expect(new Set(body.series.map((row) => row.key))).toEqual(new Set(body.groups.map((group) => group.key)))
  })

  it('groups by model across gateways and CLI agents', async () => {
    const { range } = await fleetUsage()
    const body = await report(`group_by=model&${range}`)
    expect(body.groups).toEqual([
      {
        key: 'usage-test-model',
        model: 'usage-test-model',
        input_tokens: 1_501_000,
        output_tokens: 100_100,
        cost_usd: 4.25,
      },
      { key: '(unknown)', input_tokens: 1000, output_tokens: 100, cost_usd: 1 },
      { key: 'echo-1', model: 'echo-1', input_tokens: 2000, output_tokens: 200, cost_usd: 0.625 },
      { key: 'unpriced-model', model: 'unpriced-model', input_tokens: 40, output_tokens: 2, cost_usd: 0 },
    ])
  })

  it('counts whole UTC days: since and until take in the days they fall on, nothing beyond', async () => {
    const { day, unix, name } = ownDays()
    const gw = await makeGateway(t.deps.db, name('gw'))
    const tokens = { inputTokens: 10, outputTokens: 1 }
    for (const n of [0, 1, 2]) {
      await storeGatewayUsage(t.deps.db, gw.id, { day: day(n), sessionKey: 's', ...tokens, costUsd: n + 1 })
    }
    const cli = await makeCliAgent(t.deps.db, name('cli'))
    await cli.used('unpriced-model', `${day(0)}T23:59:59.999Z`, tokens)
    await cli.used('unpriced-model', `${day(1)}T00:00:00Z`, { inputTokens: 20, outputTokens: 2 })
    await cli.used('unpriced-model', `${day(1)}T23:59:59.999Z`, { inputTokens: 40, outputTokens: 4 })
    await cli.used('unpriced-model', `${day(2)}T00:00:00Z`, { inputTokens: 80, outputTokens: 8 })

    // Day 1 alone, though since and until fall inside it.
    const one = await report(
      `group_by=agent&since=${unix(`${day(1)}T12:00:00Z`)}&until=${unix(`${day(1)}T13:00:00Z`)}`,
    )
    expect(one.series).toEqual([
      { date: day(1), key: `${gw.name}/main`, input_tokens: 10, output_tokens: 1, cost_usd: 2 },
      { date: day(1), key: cli.agent.name, input_tokens: 60, output_tokens: 6, cost_usd: 0 },
    ])
    const two = await report(
      `group_by=gateway&since=${unix(`${day(0)}T23:59:59Z`)}&until=${unix(`${day(1)}T00:00:00Z`)}`,
    )
    expect(two.series.map((row) => [row.date, row.key, row.input_tokens])).toEqual([
      [day(0), gw.name, 10],
      [day(0), CLI_AGENTS_USAGE_KEY, 10],
      [day(1), gw.name, 10],
      [day(1), CLI_AGENTS_USAGE_KEY, 60],
    ])
  })

  it('covers the last 30 UTC days by default', async () => {
    const { name } = ownDays()
    const cli = await makeCliAgent(t.deps.db, name('recent'))
    const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000)
    await cli.used('unpriced-model', daysAgo(0), { inputTokens: 1, outputTokens: 0 })
    await cli.used('unpriced-model', daysAgo(29), { inputTokens: 2, outputTokens: 0 })
    await cli.used('unpriced-model', daysAgo(31), { inputTokens: 4, outputTokens: 0 })
    const body = await report('group_by=agent')
    expect(body.groups.find((group) => group.key === cli.agent.name)?.input_tokens).toBe(3)
    // until alone: the 30 days up to it.
    const until = Math.floor(daysAgo(29).getTime() / 1000)
    const before = await report(`group_by=agent&until=${until}`)
    expect(before.groups.find((group) => group.key === cli.agent.name)?.input_tokens).toBe(6)
  })

  it('prices CLI agents by the table as it is now', async () => {
    const { day, unix, name } = ownDays()
    const cli = await makeCliAgent(t.deps.db, name('repriced'))
    const model = name('model')
    await cli.used(model, `${day(0)}T08:00:00Z`, { inputTokens: 2_000_000, outputTokens: 0 })
    const range = `group_by=model&since=${unix(`${day(0)}T00:00:00Z`)}&until=${unix(`${day(0)}T00:00:00Z`)}`
    expect((await report(range)).groups).toEqual([
      { key: model, model, input_tokens: 2_000_000, output_tokens: 0, cost_usd: 0 },
    ])
    const put = await admin('PUT', `/api/model-prices/${model}`, {
      input_usd_per_mtok: 1.5,
      output_usd_per_mtok: 0,
    })
    expect(put.status, put.text).toBe(201)
    expect((await report(range)).groups[0]?.cost_usd).toBe(3)
  })

  it('answers an empty report for days without usage', async () => {
    const { day, unix } = ownDays()
    expect(await report(`since=${unix(`${day(5)}T00:00:00Z`)}&until=${unix(`${day(6)}T00:00:00Z`)}`)).toEqual(
      {
        groups: [],
        series: [],
      },
    )
  })

  it('refuses a since after until, an unknown grouping and unknown parameters', async () => {
    const cases: [string, string][] = [
      ['since=200000&until=100000', 'since'],
      ['group_by=team', 'group_by'],
      ['since=yesterday', 'since'],
      ['until=-1', 'until'],
      ['team=core', 'team'],
    ]
    for (const [query, path] of cases) {
      const res = await viewer('GET', `/api/usage?${query}`)
      expect(res.status, query).toBe(400)
      expect(res.body, query).toMatchObject({
        error: expect.any(String),
        details: [expect.objectContaining({ path })],
      })
    }
  })
})
