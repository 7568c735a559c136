import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { ApiRequestError, createApiClient } from './client.ts'
import type { HealthResponse } from './health.ts'

const health: HealthResponse = {
  status: 'down',
  version: '1.0.0',
  uptime_s: 3,
  checks: {
    db: { ok: false, latency_ms: null, error: 'postgres did not answer within 2000 ms' },
    redis: { ok: true, latency_ms: 1 },
    worker: { ok: false, alive: 0, last_seen: null, age_s: null },
    schedules: { ok: false, missing: [] },
  },
}

function fakeFetch(status: number, body: unknown, seen: Request[] = []): typeof fetch {
  return async (input, init) => {
    seen.push(new Request(input, init))
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })
  }
}

describe('createApiClient', () => {
  it('sends the API key and reads a 503 health answer as data, not as an error', async () => {
    const seen: Request[] = []
    const client = createApiClient({
      baseUrl: 'http://mc:3000/',
      apiKey: 'k-1',
      fetch: fakeFetch(503, health, seen),
    })
    expect(await client.health()).toEqual(health)
    expect(seen[0]?.url).toBe('http://mc:3000/api/health')
    expect(seen[0]?.headers.get('x-api-key')).toBe('k-1')
  })

  it('turns the JSON error shape into an ApiRequestError with status and details', async () => {
    const client = createApiClient({
      baseUrl: 'http://mc',
      fetch: fakeFetch(400, { error: 'invalid body', details: [{ path: 'port' }] }),
    })
    const failure = client.request('POST', '/api/x', { body: {}, schema: z.unknown() })
    await expect(failure).rejects.toBeInstanceOf(ApiRequestError)
    await expect(failure).rejects.toMatchObject({
      status: 400,
      message: 'invalid body',
      details: [{ path: 'port' }],
    })
  })

  it('describes a failure whose body is not the error shape', async () => {
    const client = createApiClient({ baseUrl: 'http://mc', fetch: fakeFetch(502, 'Bad Gateway') })
    await expect(client.request('GET', '/api/y', { schema: z.unknown() })).rejects.toThrow(
      'GET /api/y failed with HTTP 502',
    )
  })
})
