import type { GatewayRow } from '@mc/db'
import { makeGateway, openConnection } from '@mc/db/testing'
import { apiErrorSchema } from '@mc/shared'
import { beforeAll, describe, expect, it } from 'vitest'
import { makeApiKey } from '../testing/factories.ts'
import { useTestApp } from '../testing/test-app.ts'

const t = useTestApp()
let admin: Record<string, string>
let gateway: GatewayRow

beforeAll(async () => {
  admin = { 'x-api-key': (await makeApiKey(t.deps.db, 'admin')).key, 'content-type': 'application/json' }
  gateway = await makeGateway(t.deps.db, 'bad-input')
  await openConnection(t.deps.db, 'bad-input-agent')
})

async function send(method: string, path: string, body?: string) {
  const res = await t.app.request(path, { method, headers: admin, body })
  const json: unknown = await res.json()
  return {
    status: res.status,
    headers: res.headers,
    body: res.ok ? { error: '' } : apiErrorSchema.parse(json),
  }
}

const connect = (metadata: string) => `{"agent_name":"a","tool_name":"t","metadata":${metadata}}`

describe('text Postgres cannot store', () => {
  it.each([
    ['POST', '/api/auth/login', '{"username":"admin\\u0000","password":"x"}', 'username'],
    ['POST', '/api/keys', '{"name":"k\\u0000","role":"viewer"}', 'name'],
    ['POST', '/api/gateways', '{"name":"g\\u0000","host":"h"}', 'name'],
    ['POST', '/api/connect', '{"agent_name":"a","tool_name":"t\\u0000"}', 'tool_name'],
    ['POST', '/api/connect', connect('{"a":{"b":["\\u0000"]}}'), 'metadata.a.b.0'],
    ['POST', '/api/connect', connect('{"a":"\\ud800"}'), 'metadata.a'],
    ['POST', '/api/connect', connect('{"a":"\\udc00\\ud800"}'), 'metadata.a'],
    ['POST', '/api/connect', connect('{"\\ud800":1}'), 'metadata'],
    ['POST', '/api/connect', connect('{"k\\u0000":1}'), 'metadata'],
    ['POST', '/api/agents/bad-input-agent/heartbeat', '{"connection_id":"x\\u0000"}', 'connection_id'],
  ])('%s %s %s is a 400 naming %s', async (method, path, body, field) => {
    const res = await send(method, path, body)
    expect(res.status).toBe(400)
    expect(res.body.details).toEqual([{ path: field, message: expect.stringMatching(/NUL|surrogate/) }])
  })

  it('accepts a surrogate pair (an emoji) like any other text', async () => {
    const res = await send('POST', '/api/connect', connect('{"mood":"\\ud83d\\ude00"}'))
    expect(res.status).toBe(200)
  })

  it.each(['/api/agents?q=%00', '/api/connect?agent=a%00', '/api/audit?action=%00', '/api/agents/a%00b'])(
    'GET %s is a 400',
    async (path) => {
      const res = await send('GET', path)
      expect(res.status).toBe(400)
      expect(res.body.error).toMatch(/NUL/)
    },
  )
})

describe('nesting', () => {
  it('refuses metadata nested 4,500 levels deep (≈9 KB) with a 400, not a stack overflow', async () => {
    const deep = `${'['.repeat(4500)}${']'.repeat(4500)}`
    const res = await send('POST', '/api/connect', connect(`{"a":${deep}}`))
    expect(res.status).toBe(400)
    expect(res.body.details).toEqual([{ path: 'metadata', message: 'nested more than 64 levels deep' }])
  })

  it('accepts 60 levels', async () => {
    const res = await send('POST', '/api/connect', connect(`{"a":${'['.repeat(60)}${']'.repeat(60)}}`))
    expect(res.status).toBe(200)
  })
})

describe('percent-encoding in the URL', () => {
  it.each([
    '/api/agents/%',
    '/api/agents/%zz',
    '/api/agents/%ff',
    '/api/gateways/%e0%a4',
    '/api/audit?actor=%',
  ])('GET %s is a 400', async (path) => {
    const res = await send('GET', path)
    expect(res.status).toBe(400)
    expect(res.body.error).toMatch(/^malformed percent-encoding in the (path|query)$/)
  })

  it('decodes an agent name once: %25 is the name "%"', async () => {
    const res = await send('GET', '/api/agents/%25')
    expect(res.status).toBe(404)
    expect(res.body.error).toBe('no agent %')
  })
})

describe('ids past the int4 range', () => {
  it.each([
    ['GET', '/api/agents/2147483648', undefined],
    ['GET', '/api/agents/99999999999999999999', undefined],
    ['POST', '/api/agents/9999999999/heartbeat', '{"connection_id":"x"}'],
    ['GET', '/api/gateways/2147483648', undefined],
    ['PUT', '/api/gateways', '{"id":2147483648,"name":"n"}'],
    ['DELETE', '/api/gateways', '{"id":2147483648}'],
    ['POST', '/api/gateways/health', '{"id":2147483648}'],
    ['POST', '/api/gateways/health', '{"ids":[1,2147483648]}'],
    ['GET', '/api/gateways/health/recent?ids=2147483648', undefined],
    ['GET', '/api/gateways/health/history?gateway_id=2147483648', undefined],
    ['GET', '/api/connect?before=2147483648', undefined],
    ['DELETE', '/api/keys/2147483648', undefined],
    ['PATCH', '/api/users/2147483648', '{"role":"viewer"}'],
  ])('%s %s %s is a 400', async (method, path, body) => {
    expect((await send(method, path, body)).status).toBe(400)
  })

  it('still finds the largest id there can be (404 for none)', async () => {
    expect((await send('GET', '/api/agents/2147483647')).status).toBe(404)
    expect((await send('DELETE', '/api/gateways', '{"id":2147483647}')).status).toBe(404)
  })
})

describe('a path that exists for another method', () => {
  it.each([
    ['GET', '/api/gateways/health', 'POST'],
    ['DELETE', '/api/gateways/health', 'POST'],
    ['POST', '/api/health', 'GET, HEAD'],
    ['PATCH', '/api/gateways', 'GET, POST, PUT, DELETE, HEAD'],
    ['DELETE', '/api/gateways/status-changes', 'GET, HEAD'],
    ['DELETE', '/api/gateways/7', 'GET, HEAD'],
    ['GET', '/api/agents/7/heartbeat', 'POST'],
    ['OPTIONS', '/api/users/7', 'PATCH'],
  ])('%s %s is a 405 that allows %s', async (method, path, allow) => {
    const res = await send(method, path)
    expect(res.status).toBe(405)
    expect(res.headers.get('allow')).toBe(allow)
    expect(res.body.error).toBe(`${method} ${path} is not allowed: use ${allow.replace(', HEAD', '')}`)
  })

  it('is a 404 when no method has it', async () => {
    expect((await send('GET', '/api/gateways/7/nothing')).status).toBe(404)
  })

  it('answers a static path and a parameter path each from its own route', async () => {
    expect((await send('GET', '/api/gateways/status-changes')).status).toBe(200)
    expect((await send('GET', `/api/gateways/${gateway.id}`)).status).toBe(200)
  })
})

describe('an edit that changes nothing', () => {
  it('PUT /api/gateways with only an id is a 400, like PATCH /api/users/:id', async () => {
    const res = await send('PUT', '/api/gateways', JSON.stringify({ id: gateway.id }))
    expect(res.status).toBe(400)
    expect(res.body.details).toEqual([{ path: '', message: expect.stringMatching(/^nothing to change/) }])
  })
})
