import { insertToolCalls, insertToolHours, makeGateway } from '@mc/db/testing'
import { toolResponseSchema, toolsResponseSchema } from '@mc/shared'
import { beforeAll, describe, expect, it } from 'vitest'
import { type Call, callerWithRole } from '../testing/alert-factories.ts'
import { useTestApp } from '../testing/test-app.ts'

const t = useTestApp()
let viewer: Call
let seq = 0
const gateway = () => makeGateway(t.deps.db, `tools-gw-${++seq}`)
const HOUR_S = 3600
const NOW_S = Math.floor(Date.now() / 1000)
const secondsAgo = (seconds: number) => new Date((NOW_S - seconds) * 1000)
const calls = (count: number, ago: number, durationMs: number, ok = true) =>
  Array.from({ length: count }, () => ({ endedAt: secondsAgo(ago), durationMs, ok }))

beforeAll(async () => {
  viewer = await callerWithRole(t, 'viewer')
})

async function tools(query: string) {
  const res = await viewer('GET', `/api/tools?${query}`)
  expect(res.status, res.text).toBe(200)
  return toolsResponseSchema.parse(res.body).tools
}

describe('GET /api/tools', () => {
  it('summarises each tool of a gateway over the last 24 hours by default, flagging degrading ones', async () => {
    const [gw, other] = [await gateway(), await gateway()]
    // Two days of 100 ms, then four calls at 300 ms in the last hour: degrading.
    await insertToolCalls(t.deps.db, gw.id, 'exec', [
      ...calls(20, 2 * 24 * HOUR_S, 100),
      ...calls(4, 600, 300),
    ])
    await insertToolCalls(t.deps.db, gw.id, 'read', [
      ...calls(3, 2 * HOUR_S, 50, false),
      ...calls(3, 600, 60),
    ])
    await insertToolCalls(t.deps.db, other.id, 'exec', calls(1, 60, 5))
    expect(await tools(`gateway_id=${gw.id}`)).toEqual([
      {
        gateway_id: gw.id,
        gateway_name: gw.name,
        name: 'exec',
        calls: 4,
        failures: 0,
        p50_ms: 300,
        p95_ms: 300,
        max_ms: 300,
        degrading: true,
      },
      {
        gateway_id: gw.id,
        gateway_name: gw.name,
        name: 'read',
        calls: 6,
        failures: 3,
        p50_ms: 55,
        p95_ms: 60,
        max_ms: 60,
        degrading: false,
      },
    ])
    const fleet = await tools('')
    expect(fleet.filter((tool) => tool.name === 'exec').map((tool) => tool.gateway_id)).toEqual([
      gw.id,
      other.id,
    ])
  })

  it('counts only the window asked for, the rollup included beyond the raw calls', async () => {
    const gw = await gateway()
    await insertToolCalls(t.deps.db, gw.id, 'browse', [
      ...calls(2, 3 * HOUR_S, 10),
      ...calls(1, 30 * HOUR_S, 20),
    ])
    const hourStart = (secondsAgo(40 * 24 * HOUR_S).getTime() / 1000 / HOUR_S) | 0
    await insertToolHours(t.deps.db, gw.id, 'browse', [
      {
        hour: new Date(hourStart * HOUR_S * 1000),
        calls: 7,
        failures: 7,
        p50Ms: 900,
        p95Ms: 900,
        maxMs: 900,
      },
    ])
    const window = (since: number, until: number) => `gateway_id=${gw.id}&since=${since}&until=${until}`
    expect(await tools(window(NOW_S - 4 * HOUR_S, NOW_S - 2 * HOUR_S))).toMatchObject([
      { calls: 2, max_ms: 10 },
    ])
    // Called after the window but not in it: listed with nothing; idle since before it: not listed.
    expect(await tools(window(NOW_S - 6 * HOUR_S, NOW_S - 5 * HOUR_S))).toMatchObject([
      { calls: 0, p95_ms: null },
    ])
    expect(await tools(window(NOW_S - 2 * HOUR_S, NOW_S))).toEqual([])
    expect(await tools(window(NOW_S - 31 * HOUR_S, NOW_S))).toMatchObject([{ calls: 3, max_ms: 20 }])
    expect(await tools(window(NOW_S - 41 * 24 * HOUR_S, NOW_S))).toMatchObject([
      { calls: 10, failures: 7, max_ms: 900 },
    ])
  })

  it('refuses a window that ends before it begins, and unknown parameters', async () => {
    const backwards = await viewer('GET', `/api/tools?since=${NOW_S}&until=${NOW_S - 1}`)
    expect(backwards.status).toBe(400)
    expect(backwards.body).toMatchObject({ error: 'since must not be after until' })
    expect((await viewer('GET', '/api/tools?gateway=1')).status).toBe(400)
    expect((await viewer('GET', '/api/tools?gateway_id=abc')).status).toBe(400)
    expect((await viewer('GET', '/api/tools?since=-5')).status).toBe(400)
    // The furthest bounds the schema allows are still answered.
    expect((await viewer('GET', `/api/tools?since=0&until=${2 ** 40}`)).status).toBe(200)
  })

  it('needs a signed-in caller', async () => {
    expect((await t.app.request('/api/tools')).status).toBe(401)
    expect((await t.app.request('/api/tools/exec')).status).toBe(401)
  })
})

describe('GET /api/tools/:name', () => {
  async function detail(path: string) {
    const res = await viewer('GET', path)
    expect(res.status, res.text).toBe(200)
    return toolResponseSchema.parse(res.body)
  }

  it('gives the hourly series, the latest failures and the baseline of a tool on one gateway or all', async () => {
    const [gw, other] = [await gateway(), await gateway()]
    await insertToolCalls(t.deps.db, gw.id, 'web fetch', [
      ...calls(20, 3 * 24 * HOUR_S, 100),
      { endedAt: secondsAgo(120), durationMs: 150, ok: false, error: 'HTTP 503', sessionKey: 'main' },
    ])
    await insertToolCalls(t.deps.db, other.id, 'web fetch', calls(2, 60, 40))
    const mine = await detail(`/api/tools/web%20fetch?gateway_id=${gw.id}`)
    expect(mine).toMatchObject({
      name: 'web fetch',
      gateway_id: gw.id,
      baseline_p95_ms: 100,
      degrading: false,
    })
    expect(mine.series).toEqual([
      {
        hour: Math.floor((NOW_S - 120) / HOUR_S) * HOUR_S,
        calls: 1,
        failures: 1,
        p50_ms: 150,
        p95_ms: 150,
        max_ms: 150,
      },
    ])
    expect(mine.failures).toEqual([
      {
        gateway_id: gw.id,
        gateway_name: gw.name,
        session_key: 'main',
        agent: 'main',
        ended_at: NOW_S - 120,
        duration_ms: 150,
        error: 'HTTP 503',
        exit_code: null,
      },
    ])
    const all = await detail('/api/tools/web%20fetch')
    expect(all.gateway_id).toBeNull()
    expect(all.series.reduce((sum, hour) => sum + hour.calls, 0)).toBe(3)
  })

  it('answers 404 for a tool never seen, on that gateway or any, and 400 for bad input', async () => {
    const [gw, other] = [await gateway(), await gateway()]
    await insertToolCalls(t.deps.db, gw.id, 'only-here', calls(1, 60, 5))
    const elsewhere = await viewer('GET', `/api/tools/only-here?gateway_id=${other.id}`)
    expect(elsewhere.status).toBe(404)
    expect(elsewhere.body).toEqual({
      error: `no tool named "only-here" was ever called on gateway ${other.id}`,
    })
    const never = await viewer('GET', '/api/tools/never-called')
    expect(never.body).toEqual({ error: 'no tool named "never-called" was ever called on any gateway' })
    expect((await viewer('GET', `/api/tools/${'x'.repeat(201)}`)).status).toBe(400)
    expect((await viewer('GET', `/api/tools/only-here?since=${NOW_S}&until=${NOW_S - 60}`)).status).toBe(400)
    expect((await viewer('GET', '/api/tools/only-here?limit=3')).status).toBe(400)
  })
})
