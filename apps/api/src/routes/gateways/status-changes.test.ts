import { recordProbe } from '@mc/db'
import { failedReading as failed, makeGateway, onlineReading } from '@mc/db/testing'
import { statusChangesResponseSchema } from '@mc/shared'
import { beforeAll, describe, expect, it } from 'vitest'
import { makeApiKey } from '../../testing/factories.ts'
import { useTestApp } from '../../testing/test-app.ts'

const t = useTestApp()
let viewer: Record<string, string>

const get = async (url: string) => {
  const res = await t.app.request(url, { headers: viewer })
  return { status: res.status, body: (await res.json()) as unknown }
}

beforeAll(async () => {
  viewer = { 'x-api-key': (await makeApiKey(t.deps.db, 'viewer')).key }
  // Eight flips: six gateways come online, then foxtrot goes down and times out.
  for (const name of ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot']) {
    const row = await makeGateway(t.deps.db, name)
    await recordProbe(t.deps.db, row.id, onlineReading({ latencyMs: 60 }), 1)
    if (name !== 'foxtrot') continue
    await recordProbe(t.deps.db, row.id, failed('offline', 'connection refused'), 1)
    await recordProbe(t.deps.db, row.id, failed('timeout', 'no answer'), 1)
  }
})

describe('GET /api/gateways/status-changes', () => {
  it('pages the flips newest first (not mistaken for a gateway id)', async () => {
    const first = await get('/api/gateways/status-changes?limit=3')
    expect(first.status).toBe(200)
    const page = statusChangesResponseSchema.parse(first.body)
    expect(page.changes.map((c) => `${c.gateway_name}:${c.old_status}→${c.new_status}`)).toEqual([
      'foxtrot:offline→timeout',
      'foxtrot:online→offline',
      'foxtrot:unknown→online',
    ])
    expect(page.next_before).toBe(page.changes[2]?.id)
    const rest = statusChangesResponseSchema.parse(
      (await get(`/api/gateways/status-changes?before=${page.next_before}`)).body,
    )
    expect(rest.changes).toHaveLength(5)
    expect(rest.next_before).toBeNull()
    expect(rest.changes.every((c) => c.id < (page.next_before ?? 0))).toBe(true)
  })

  it('rejects a bad query with 400 and field details', async () => {
    for (const query of ['limit=0', 'limit=501', 'limit=ten', 'before=0', 'before=-3', 'gateway=1']) {
      const { status, body } = await get(`/api/gateways/status-changes?${query}`)
      expect(status, query).toBe(400)
      expect(body, query).toMatchObject({ error: 'invalid query', details: [expect.any(Object)] })
    }
  })
})
