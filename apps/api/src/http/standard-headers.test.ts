import { createGateway, createStatusPage } from '@mc/db'
import { Hono } from 'hono'
import { secureHeaders } from 'hono/secure-headers'
import { describe, expect, it } from 'vitest'
import { useListeningApi } from '../testing/running-api.ts'
import { SECURITY_HEADERS } from './standard-headers.ts'

const api = useListeningApi()

describe('the headers every answer carries', () => {
  it('are the ones Hono’s secureHeaders sets, with Cross-Origin-Embedder-Policy off', async () => {
    const reference = new Hono()
      .use(secureHeaders({ crossOriginEmbedderPolicy: false }))
      .get('/', (c) => c.body(null))
    const set = [...(await reference.request('/')).headers].filter(([name]) => name !== 'content-type')
    expect(new Map(set)).toEqual(
      new Map(SECURITY_HEADERS.map(([name, value]) => [name.toLowerCase(), value])),
    )
  })

  it('go out on the real server with JSON, errors and the web app, each with a request id', async () => {
    for (const path of ['/api/health', '/api/no-such-route', '/']) {
      const res = await fetch(`${api.url}${path}`)
      for (const [name, value] of SECURITY_HEADERS)
        expect(res.headers.get(name), `${path} ${name}`).toBe(value)
      expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
    }
  })

  it('keep a caller’s plain request id, and replace one that is not', async () => {
    const kept = await fetch(`${api.url}/api/health`, { headers: { 'x-request-id': 'trace-42' } })
    expect(kept.headers.get('x-request-id')).toBe('trace-42')
    const replaced = await fetch(`${api.url}/api/health`, { headers: { 'x-request-id': 'a b' } })
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('give way to a header the handler sets itself (a badge is embedded cross-origin)', async () => {
    const gateway = await createGateway(api.db, {
      name: 'badged',
      host: '127.0.0.1',
      port: 18789,
      token: null,
      isPrimary: false,
    })
    const page = await createStatusPage(api.db, {
      slug: 'headers',
      title: 'Status',
      description: '',
      gatewayIds: [gateway.id],
      public: true,
      showErrors: false,
    })
    const res = await fetch(`${api.url}/badge/${page.slug}/${gateway.id}/status.svg`)
    expect(res.status).toBe(200)
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin')
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN')
  })
})
