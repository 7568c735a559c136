import { apiErrorSchema } from '@mc/shared'
import { describe, expect, it } from 'vitest'
import { useTestApp } from '../testing/test-app.ts'

const t = useTestApp({ BODY_LIMIT_BYTES: '2048' })

describe('error responses', () => {
  it('answers an unknown API path with a JSON 404, not the SPA', async () => {
    const res = await t.app.request('/api/no-such-thing', { method: 'POST' })
    expect(res.status).toBe(404)
    expect(apiErrorSchema.parse(await res.json())).toEqual({
      error: 'no such endpoint: POST /api/no-such-thing',
    })
  })

  it('refuses a body over the limit with 413 and the limit in details', async () => {
    const res = await t.app.request('/api/health', {
      method: 'POST',
      body: 'x'.repeat(4096),
      headers: { 'content-type': 'application/json', 'content-length': '4096' },
    })
    expect(res.status).toBe(413)
    expect(await res.json()).toEqual({ error: 'request body too large', details: { limit_bytes: 2048 } })
  })

  it('tags every response with a request id and logs the request under it, without the query string', async () => {
    const res = await t.app.request('/api/health?token=leaky-secret')
    const id = res.headers.get('x-request-id')
    expect(id).toMatch(/^[\w-]{8,}$/)
    const line = t.logs.find((entry) => entry.includes(`"request_id":"${id}"`))
    expect(line).toBeDefined()
    expect(JSON.parse(line ?? '{}')).toMatchObject({ method: 'GET', path: '/api/health', status: 200 })
    expect(t.logs.join('')).not.toContain('leaky-secret')
  })
})
