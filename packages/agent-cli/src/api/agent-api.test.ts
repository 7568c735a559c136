import { describe, expect, it } from 'vitest'
import { createAgentApi } from './agent-api.ts'
import { AgentApiError } from './agent-api-error.ts'
import { parseRetryAfter } from './retry-after.ts'

const KEY = 'mc_live_key_9f8e7d6c5b4a'
const CONNECTED = {
  connection_id: 'conn-abc123def456',
  agent_id: 7,
  agent_name: 'codex-session-01',
  status: 'connected',
  heartbeat_url: '/api/agents/7/heartbeat',
  heartbeat_interval_s: 30,
}

interface Seen {
  url: string
  method: string
  headers: Headers
  body: unknown
  signal: AbortSignal | undefined
}

/** A server that never answers: the request ends only when its signal aborts it. */
const never = ({ signal }: Seen) =>
  new Promise<Response>((_, reject) => signal?.addEventListener('abort', () => reject(signal.reason)))

function fakeFetch(answer: (seen: Seen) => Response | Promise<Response>) {
  const seen: Seen[] = []
  const fetch = async (input: string | URL | Request, init?: RequestInit) => {
    const request: Seen = {
      url: String(input),
      method: init?.method ?? 'GET',
      headers: new Headers(init?.headers),
      body: init?.body ? JSON.parse(String(init.body)) : undefined,
      signal: init?.signal ?? undefined,
    }
    seen.push(request)
    return answer(request)
  }
  return { fetch: fetch as typeof globalThis.fetch, seen }
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } })

async function failure(promise: Promise<unknown>): Promise<AgentApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(AgentApiError)
  return error as AgentApiError
}

describe('createAgentApi', () => {
  it('sends the seed requests with the key in x-api-key and parses the answers', async () => {
    const { fetch, seen } = fakeFetch(({ url, method }) => {
      if (url.endsWith('/api/connect') && method === 'POST') return json(200, CONNECTED)
      if (url.endsWith('/heartbeat')) {
        return json(200, {
          status: 'ok',
          agent_id: 7,
          connection_id: CONNECTED.connection_id,
          token_recorded: true,
          next_heartbeat_before: 1_900_000_000,
        })
      }
      return json(200, { status: 'disconnected', connection_id: CONNECTED.connection_id })
    })
    const api = createAgentApi({ url: 'http://mc.test:3000/', apiKey: KEY, fetch })
    const body = { agent_name: 'codex-session-01', tool_name: 'codex', metadata: { workspace: '/w' } }
    expect(await api.connect(body)).toEqual(CONNECTED)
    const tokens = { input: 1500, output: 800, model: 'claude-3-5-sonnet-20241022' }
    const beat = await api.heartbeat(7, { connection_id: CONNECTED.connection_id, tokens })
    expect(beat.token_recorded).toBe(true)
    expect(await api.disconnect(CONNECTED.connection_id)).toEqual({
      status: 'disconnected',
      connection_id: CONNECTED.connection_id,
    })
    expect(seen.map((s) => [s.method, s.url, s.body])).toEqual([
      ['POST', 'http://mc.test:3000/api/connect', body],
      [
        'POST',
        'http://mc.test:3000/api/agents/7/heartbeat',
        { connection_id: CONNECTED.connection_id, tokens },
      ],
      ['DELETE', 'http://mc.test:3000/api/connect', { connection_id: CONNECTED.connection_id }],
    ])
    for (const s of seen) expect(s.headers.get('x-api-key')).toBe(KEY)
  })

  it('sorts failures into transient, connection-gone and permanent', async () => {
    const cases: [number, 'connect' | 'heartbeat', string][] = [
      [500, 'connect', 'transient'],
      [502, 'heartbeat', 'transient'],
      [503, 'connect', 'transient'],
      [429, 'connect', 'transient'],
      [408, 'heartbeat', 'transient'],
      [409, 'heartbeat', 'connection-gone'],
      [404, 'heartbeat', 'connection-gone'],
      [404, 'connect', 'permanent'],
      [400, 'connect', 'permanent'],
      [401, 'heartbeat', 'permanent'],
      [403, 'connect', 'permanent'],
      [413, 'connect', 'permanent'],
    ]
    for (const [status, operation, kind] of cases) {
      const { fetch } = fakeFetch(() => json(status, { error: `nope ${status}` }))
      const api = createAgentApi({ url: 'http://mc.test', apiKey: KEY, fetch })
      const call =
        operation === 'connect'
          ? api.connect({ agent_name: 'a', tool_name: 't' })
          : api.heartbeat(1, { connection_id: 'conn-x' })
      const error = await failure(call)
      expect({ status, operation, kind: error.kind }).toEqual({ status, operation, kind })
      expect(error.status).toBe(status)
      expect(error.operation).toBe(operation)
      expect(error.message).toContain(`HTTP ${status}: nope ${status}`)
    }
  })

  it('carries Retry-After (seconds or date) on the error', async () => {
    const { fetch } = fakeFetch(() => json(429, { error: 'slow down' }, { 'retry-after': '7' }))
    const api = createAgentApi({ url: 'http://mc.test', apiKey: KEY, fetch })
    const error = await failure(api.connect({ agent_name: 'a', tool_name: 't' }))
    expect(error).toMatchObject({ kind: 'transient', status: 429, retryAfterMs: 7000 })
    expect(
      parseRetryAfter(new Date(Date.UTC(2030, 0, 1, 0, 0, 30)).toUTCString(), Date.UTC(2030, 0, 1)),
    ).toBe(30_000)
    expect(parseRetryAfter('soon', 0)).toBeUndefined()
    expect(parseRetryAfter(null, 0)).toBeUndefined()
  })

  it('treats network errors and timeouts as transient, a foreign answer as permanent', async () => {
    const refused = fakeFetch(() => {
      throw new TypeError('fetch failed', {
        cause: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }),
      })
    })
    const down = createAgentApi({ url: 'http://mc.test', apiKey: KEY, fetch: refused.fetch })
    const network = await failure(down.connect({ agent_name: 'a', tool_name: 't' }))
    expect(network).toMatchObject({ kind: 'transient', message: 'POST /api/connect: ECONNREFUSED' })

    const hanging = fakeFetch(never)
    const slow = createAgentApi({
      url: 'http://mc.test',
      apiKey: KEY,
      fetch: hanging.fetch,
      requestTimeoutMs: 20,
    })
    expect(await failure(slow.heartbeat(1, { connection_id: 'c' }))).toMatchObject({
      kind: 'transient',
      message: 'POST /api/agents/1/heartbeat: no answer in time',
    })

    const html = fakeFetch(() => new Response('<!doctype html>', { status: 200 }))
    const spa = createAgentApi({ url: 'http://mc.test', apiKey: KEY, fetch: html.fetch })
    const foreign = await failure(spa.connect({ agent_name: 'a', tool_name: 't' }))
    expect(foreign.kind).toBe('permanent')
    expect(foreign.message).toMatch(/unexpected answer/)
  })

  it('reports an abort by the caller as aborted', async () => {
    const { fetch } = fakeFetch(never)
    const api = createAgentApi({ url: 'http://mc.test', apiKey: KEY, fetch })
    const controller = new AbortController()
    const call = api.connect({ agent_name: 'a', tool_name: 't' }, controller.signal)
    controller.abort()
    expect((await failure(call)).kind).toBe('aborted')
  })

  it('counts a connection already gone as disconnected', async () => {
    for (const status of [404, 409]) {
      const { fetch } = fakeFetch(() => json(status, { error: 'gone' }))
      const api = createAgentApi({ url: 'http://mc.test', apiKey: KEY, fetch })
      expect(await api.disconnect('conn-1')).toEqual({ status: 'disconnected', connection_id: 'conn-1' })
    }
  })

  it('never lets the key into an error message, even when the server echoes it', async () => {
    const { fetch } = fakeFetch(() => json(401, { error: `unknown key ${KEY}` }))
    const api = createAgentApi({ url: 'http://mc.test', apiKey: KEY, fetch })
    const error = await failure(api.connect({ agent_name: 'a', tool_name: 't' }))
    expect(error.message).toBe('POST /api/connect: HTTP 401: unknown key ***')
    expect(JSON.stringify(error)).not.toContain(KEY)
    expect(String(error.stack)).not.toContain(KEY)
  })
})

describe('listConnections', () => {
  it('asks GET /api/connect with the filters given', async () => {
    const { fetch, seen } = fakeFetch(() => json(200, { connections: [], next_before: null }))
    const api = createAgentApi({ url: 'http://mc.test', apiKey: KEY, fetch })
    expect(await api.listConnections({ agent: 'a b', tool: 'codex', limit: 5, status: undefined })).toEqual({
      connections: [],
      next_before: null,
    })
    expect(await api.listConnections({})).toEqual({ connections: [], next_before: null })
    expect(seen.map((s) => s.url)).toEqual([
      'http://mc.test/api/connect?agent=a+b&tool=codex&limit=5',
      'http://mc.test/api/connect',
    ])
  })
})
