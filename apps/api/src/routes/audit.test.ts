import { recordAudit } from '@mc/db'
import { auditResponseSchema } from '@mc/shared'
import { beforeAll, describe, expect, it } from 'vitest'
import { makeSignInCookie, makeUser, sameOriginHeaders } from '../testing/factories.ts'
import { useTestApp } from '../testing/test-app.ts'

const t = useTestApp()
let admin: Record<string, string>

beforeAll(async () => {
  admin = sameOriginHeaders(await makeSignInCookie(t.deps.db, await makeUser(t.deps.db, { role: 'admin' })))
  for (let i = 0; i < 7; i++) {
    await recordAudit(t.deps.db, {
      actor: i % 2 ? 'user:odd' : 'user:even',
      action: 'test.event',
      target: `#${i}`,
    })
  }
})

async function audit(query: string) {
  const res = await t.app.request(`/api/audit${query}`, { headers: admin })
  expect(res.status).toBe(200)
  return auditResponseSchema.parse(await res.json())
}

describe('GET /api/audit', () => {
  it('pages newest first with a cursor until the last page', async () => {
    const first = await audit('?action=test.event&limit=3')
    expect(first.entries.map((e) => e.target)).toEqual(['#6', '#5', '#4'])
    const second = await audit(`?action=test.event&limit=3&before=${first.next_before}`)
    expect(second.entries.map((e) => e.target)).toEqual(['#3', '#2', '#1'])
    const last = await audit(`?action=test.event&limit=3&before=${second.next_before}`)
    expect(last.entries.map((e) => e.target)).toEqual(['#0'])
    expect(last.next_before).toBeNull()
  })

  it('filters by actor and by time', async () => {
    const odd = await audit('?action=test.event&actor=user:odd')
    expect(odd.entries.map((e) => e.target)).toEqual(['#5', '#3', '#1'])
    const future = await audit(`?since=${Math.floor(Date.now() / 1000) + 3600}`)
    expect(future.entries).toEqual([])
  })

  it('rejects bad paging and unknown parameters', async () => {
    for (const query of ['?limit=0', '?limit=1000', '?before=abc', '?color=red']) {
      const res = await t.app.request(`/api/audit${query}`, { headers: admin })
      expect(res.status, query).toBe(400)
    }
  })
})
