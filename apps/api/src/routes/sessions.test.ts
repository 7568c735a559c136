import { endMissingSessions, type GatewayRow } from '@mc/db'
import { makeGateway, sessionRow } from '@mc/db/testing'
import { type Session, sessionResponseSchema, sessionsResponseSchema } from '@mc/shared'
import { beforeAll, describe, expect, it } from 'vitest'
import { type Call, callerWithRole } from '../testing/alert-factories.ts'
import { makeSession, storeSessions } from '../testing/session-factories.ts'
import { useTestApp } from '../testing/test-app.ts'

const t = useTestApp()
let viewer: Call
let seq = 0
const gateway = () => makeGateway(t.deps.db, `sessions-gw-${++seq}`)
const minutesAgo = (minutes: number) => Date.now() - minutes * 60_000

beforeAll(async () => {
  viewer = await callerWithRole(t, 'viewer')
})

async function list(query: string) {
  const res = await viewer('GET', `/api/sessions?${query}`)
  expect(res.status, res.text).toBe(200)
  return sessionsResponseSchema.parse(res.body)
}

const keys = (sessions: Session[]) => sessions.map((s) => s.key)

/** A gateway with one session in each live state, and one that ended. */
async function gatewayWithEveryState(): Promise<GatewayRow> {
  const gw = await gateway()
  await storeSessions(t.deps.db, gw.id, [
    sessionRow('ready', { label: 'Morning report', updatedAt: minutesAgo(1) }),
    sessionRow('idle', { agentId: 'ops', updatedAt: minutesAgo(45) }),
    sessionRow('active', { hasActiveRun: true, runStatus: 'running', updatedAt: Date.now() }),
    sessionRow('stuck', { hasActiveRun: true, model: 'opus-4', updatedAt: minutesAgo(20) }),
    sessionRow('gone', { updatedAt: minutesAgo(2) }),
  ])
  await endMissingSessions(t.deps.db, gw.id, ['ready', 'idle', 'active', 'stuck'], new Date())
  return gw
}

describe('GET /api/sessions', () => {
  it('lists live sessions newest activity first, with their gateway, and counts each state', async () => {
    const gw = await gatewayWithEveryState()
    const page = await list(`gateway_id=${gw.id}`)
    expect(keys(page.sessions)).toEqual(['active', 'ready', 'stuck', 'idle'])
    expect(page.sessions.map((s) => s.state)).toEqual(['active', 'ready', 'stuck', 'idle'])
    expect(page.sessions[0]).toMatchObject({ gateway_id: gw.id, gateway_name: gw.name, agent: 'main' })
    expect(page.counts).toEqual({ active: 1, ready: 1, idle: 1, stuck: 1 })
    expect(page.next_before).toBeNull()
  })

  it('filters by state (ended and all too), agent and search, counting over the other filters', async () => {
    const gw = await gatewayWithEveryState()
    const stuck = await list(`gateway_id=${gw.id}&state=stuck`)
    expect(keys(stuck.sessions)).toEqual(['stuck'])
    expect(stuck.counts).toEqual({ active: 1, ready: 1, idle: 1, stuck: 1 })
    expect(keys((await list(`gateway_id=${gw.id}&state=ended`)).sessions)).toEqual(['gone'])
    expect(keys((await list(`gateway_id=${gw.id}&state=all`)).sessions)).toEqual([
      'active',
      'ready',
      'gone',
      'stuck',
      'idle',
    ])
    const ops = await list(`gateway_id=${gw.id}&agent=ops`)
    expect(keys(ops.sessions)).toEqual(['idle'])
    expect(ops.counts).toEqual({ active: 0, ready: 0, idle: 1, stuck: 0 })
    // The search looks at the label, the key and the model, whatever their case.
    expect(keys((await list(`gateway_id=${gw.id}&q=MORNING`)).sessions)).toEqual(['ready'])
    expect(keys((await list(`gateway_id=${gw.id}&q=opus`)).sessions)).toEqual(['stuck'])
    expect(keys((await list(`gateway_id=${gw.id}&q=dle`)).sessions)).toEqual(['idle'])
    // A search for LIKE's own wildcards matches them literally.
    expect((await list(`gateway_id=${gw.id}&q=${encodeURIComponent('%')}`)).sessions).toEqual([])
  })

  it('lists across gateways', async () => {
    const [a, b] = [await gateway(), await gateway()]
    const mark = `across-${seq}`
    await makeSession(t.deps.db, a.id, { label: mark })
    await makeSession(t.deps.db, b.id, { label: mark, updatedAt: minutesAgo(3) })
    const page = await list(`q=${mark}`)
    expect(page.sessions.map((s) => s.gateway_name)).toEqual([a.name, b.name])
    expect(page.counts.ready).toBe(2)
  })

  it('pages through many sessions with next_before, each exactly once', async () => {
    const gw = await gateway()
    const rows = Array.from({ length: 130 }, (_, i) => sessionRow(`s${i}`, { updatedAt: minutesAgo(i / 10) }))
    // Some share a moment: the id breaks the tie, so none is skipped or repeated at a page's edge.
    rows.push(sessionRow('twin-a', { updatedAt: rows[60]?.updatedAt }))
    rows.push(sessionRow('twin-b', { updatedAt: rows[60]?.updatedAt }))
    await storeSessions(t.deps.db, gw.id, rows)
    const seen: Session[] = []
    let before: string | null = null
    let pages = 0
    do {
      const cursor: string = before ? `&before=${before}` : ''
      const page = await list(`gateway_id=${gw.id}&limit=50${cursor}`)
      expect(page.sessions.length).toBeLessThanOrEqual(50)
      seen.push(...page.sessions)
      before = page.next_before
      pages++
    } while (before !== null)
    expect(pages).toBe(3)
    expect(new Set(keys(seen)).size).toBe(132)
    const activity = seen.map((s) => s.last_activity_at)
    expect(activity).toEqual([...activity].sort((x, y) => y - x))
    expect((await list(`gateway_id=${gw.id}`)).sessions).toHaveLength(50)
  })

  it('refuses bad filters with a 400 naming the field', async () => {
    const cases: [string, string][] = [
      ['state=sleeping', 'state'],
      ['limit=0', 'limit'],
      ['limit=501', 'limit'],
      ['before=yesterday', 'before'],
      ['gateway_id=abc', 'gateway_id'],
      ['colour=red', 'colour'],
    ]
    for (const [query, field] of cases) {
      const res = await viewer('GET', `/api/sessions?${query}`)
      expect(res.status, query).toBe(400)
      expect(res.body, query).toMatchObject({
        error: 'invalid query',
        details: [expect.objectContaining({ path: field })],
      })
    }
  })

  it('is for signed-in users only', async () => {
    const res = await t.app.request('/api/sessions')
    expect(res.status).toBe(401)
    expect(await res.json()).toMatchObject({ error: expect.any(String) })
  })
})

describe('GET /api/sessions/:id', () => {
  it('shows one session; 404 for an unknown one, 400 for a bad id', async () => {
    const gw = await gateway()
    const made = await makeSession(t.deps.db, gw.id, {
      label: 'Nightly build',
      inputTokens: 1200,
      outputTokens: 340,
      estimatedCostUsd: 0.02,
    })
    const res = await viewer('GET', `/api/sessions/${made.id}`)
    expect(sessionResponseSchema.parse(res.body).session).toMatchObject({
      id: made.id,
      gateway_id: gw.id,
      gateway_name: gw.name,
      label: 'Nightly build',
      state: 'ready',
      input_tokens: 1200,
      output_tokens: 340,
      estimated_cost_usd: 0.02,
      ended_at: null,
    })
    const missing = await viewer('GET', '/api/sessions/2147483647')
    expect(missing.status).toBe(404)
    expect(missing.body).toEqual({ error: 'no session with id 2147483647' })
    expect((await viewer('GET', '/api/sessions/abc')).status).toBe(400)
    expect((await t.app.request(`/api/sessions/${made.id}`)).status).toBe(401)
  })
})
