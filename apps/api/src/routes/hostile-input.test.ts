import http from 'node:http'
import { recordProbe } from '@mc/db'
import { onlineReading } from '@mc/db/testing'
import fc from 'fast-check'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createRouteDeps } from '../app.ts'
import { type HttpListener, listen } from '../http/listen.ts'
import { bodyIgnored, bodySpecs, querySpecs } from '../testing/api-input-specs.ts'
import { fingerprintDatabase } from '../testing/db-fingerprint.ts'
import { makeApiKey, makeSignInCookie, makeUser } from '../testing/factories.ts'
import { type FuzzPlan, type HostileRequest, hostileRequests } from '../testing/hostile-requests.ts'
import { useTestApp } from '../testing/test-app.ts'
import { apiRoutes } from './index.ts'

const SEED = 20_251_111
// Enough that each of the ~45 endpoints gets more than 200 requests.
const BATCHES = 32
const BATCH_SIZE = 500
const IN_FLIGHT = 16
/** Far longer than any answer takes, even on a loaded machine: only a stream that never ends hits it. */
const ANSWER_TIMEOUT_MS = 30_000

// Warnings and errors only: 10,000 request lines are not worth keeping, an unhandled error is.
const t = useTestApp({ LOG_LEVEL: 'warn' })
let listener: HttpListener | undefined
const agent = new http.Agent({ keepAlive: true, maxSockets: IN_FLIGHT })

afterAll(async () => {
  agent.destroy()
  await listener?.close()
})

interface Answer {
  status: number
  allow?: string
  /** Why no complete answer came. */
  problem?: string
}

function send(port: number, request: HostileRequest, bodyLimit: number): Promise<Answer> {
  const { method, path, headers, body } = request
  const length = body === undefined ? 0 : Buffer.byteLength(body)
  // The api answers 413 without reading such a body and closes the connection if it keeps coming:
  // it gets a connection of its own, or the next request on it would be cut. So does any large body:
  // answered before it is read (a bad id in the path), it is drained, and a drain slower than the
  // server waits for (a busy machine) closes the connection too.
  const oversized = length > bodyLimit / 4
  return new Promise((resolve) => {
    let status = 0
    const settle = (answer: Answer) => {
      clearTimeout(timer)
      resolve(answer)
    }
    const sizing = body === undefined ? {} : { 'content-length': String(length) }
    const outgoing = http.request(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        headers: { ...headers, ...sizing, ...(oversized ? { connection: 'close' } : {}) },
        agent: oversized ? false : agent,
      },
      (res) => {
        status = res.statusCode ?? 0
        res.resume()
        res.on('end', () => settle({ status, allow: res.headers.allow }))
        res.on('error', (error) => settle({ status, problem: error.message }))
      },
    )
    // An answer that never ends (an event stream let through) fails the test instead of hanging it.
    const timer = setTimeout(
      () => outgoing.destroy(new Error(`no complete answer within ${ANSWER_TIMEOUT_MS} ms`)),
      ANSWER_TIMEOUT_MS,
    )
    outgoing.on('error', (error) => settle({ status, problem: error.message }))
    outgoing.end(body)
  })
}

async function inParallel<T>(items: T[], work: (item: T) => Promise<void>): Promise<void> {
  let next = 0
  const lane = async () => {
    for (let item = items[next++]; item !== undefined; item = items[next++]) await work(item)
  }
  await Promise.all(Array.from({ length: IN_FLIGHT }, lane))
}

let plan: FuzzPlan
let port: number

beforeAll(async () => {
  const { db } = t.deps
  const [adminUser, viewerUser, otherUser] = await Promise.all([
    makeUser(db, { role: 'admin' }),
    makeUser(db, { role: 'viewer' }),
    makeUser(db, { role: 'operator' }),
  ])
  const admin = (await makeApiKey(db, 'admin', adminUser)).key
  const viewer = (await makeApiKey(db, 'viewer', viewerUser)).key
  const spareKey = (await makeApiKey(db, 'operator', otherUser)).row
  const adminSignInToken = (await makeSignInCookie(db, adminUser)).split('=')[1] ?? ''
  listener = await listen(t.app.fetch, { port: 0, hostname: '127.0.0.1' })
  port = listener.port

  // Rows of every kind, made through the API itself, so a request that changed one would show.
  const seed = async <T = unknown>(method: string, path: string, body: unknown): Promise<T> => {
    const res = await fetch(`http://127.0.0.1:${port}/api${path}`, {
      method,
      headers: { 'x-api-key': admin, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
    expect(res.status, `${method} ${path}: ${await res.clone().text()}`).toBeLessThan(300)
    return (await res.json()) as T
  }
  const { gateway: primary } = await seed<{ gateway: { id: number } }>('POST', '/gateways', {
    name: 'fuzz-primary',
    host: 'gw-1',
    token: 't0k',
    is_primary: true,
  })
  await seed('POST', '/gateways', { name: 'fuzz-second', host: 'ws://gw-2', port: 1 })
  await recordProbe(db, primary.id, onlineReading(), 1)
  const connection = await seed<{ connection_id: string; agent_id: number }>('POST', '/connect', {
    agent_name: 'fuzz-agent',
    tool_name: 'codex',
    metadata: { team: 'fuzz' },
  })
  await seed('POST', `/agents/${connection.agent_id}/heartbeat`, {
    connection_id: connection.connection_id,
    tokens: { input: 10, output: 20, model: 'm' },
  })
  await seed('POST', '/connect', { agent_name: 'fuzz-other', tool_name: 'claude' })

  const agentRefs = [String(connection.agent_id), 'fuzz-agent']
  plan = {
    endpoints: apiRoutes(createRouteDeps(t.deps)).map(({ method, path, access }) => ({
      method,
      path,
      access,
    })),
    bodies: bodySpecs,
    queries: querySpecs,
    bodyIgnored,
    existingParams: {
      'PATCH /users/:id': [String(otherUser.id), String(adminUser.id)],
      'DELETE /keys/:id': [String(spareKey.id)],
      'GET /gateways/:id': [String(primary.id)],
      'GET /gateways/:id/live': [String(primary.id)],
      'GET /gateways/:id/watcher': [String(primary.id)],
      'GET /gateways/:id/events': [String(primary.id)],
      'GET /gateways/:id/auth-failures': [String(primary.id)],
      'GET /agents/:id': agentRefs,
      'POST /agents/:id/heartbeat': agentRefs,
    },
    credentials: { admin, viewer, adminSignInToken },
    bodyLimitBytes: t.deps.config.BODY_LIMIT_BYTES,
  }
})

/**
 * Left out of the comparison because they rightly change on a refused request: a key's or a
 * sign-in's last use (written when the credential checks out, before the request is judged), and
 * the audit entries that record refused credentials.
 */
const exclusions = {
  columns: { api_keys: ['last_used_at'], sessions: ['last_seen_at', 'expires_at'] },
  rows: { audit_log: `action not in ('auth.login_failed', 'auth.api_key_rejected')` },
}

it('poisons bodies the API would otherwise accept', () => {
  for (const [endpoint, spec] of Object.entries(bodySpecs)) {
    for (const body of fc.sample(spec.valid ?? fc.constant({}), { seed: SEED, numRuns: 50 })) {
      expect(spec.schema.safeParse(body).error, `${endpoint} ${JSON.stringify(body)}`).toBeUndefined()
    }
  }
})

// Bounded by its count: 30–40 s on a quiet machine, minutes beside a whole suite on busy cores; the
// timeout only stops a run that hangs.
it('refuses 16,000 hostile requests to every endpoint with a 4xx, stays healthy and changes nothing', async () => {
  const before = await fingerprintDatabase(t.deps.db, exclusions)
  const perEndpoint = new Map<string, number>()
  const statuses = new Set<number>()
  const wrong: string[] = []
  let wrongCount = 0
  const arbitrary = hostileRequests(plan)
  for (let batch = 0; batch < BATCHES; batch++) {
    const requests = fc.sample(arbitrary, { seed: SEED + batch, numRuns: BATCH_SIZE })
    await inParallel(requests, async (request) => {
      const { status, allow, problem } = await send(port, request, plan.bodyLimitBytes)
      statuses.add(status)
      perEndpoint.set(request.endpoint, (perEndpoint.get(request.endpoint) ?? 0) + 1)
      const refused = status >= 400 && status < 500
      const right =
        !problem && status < 500 && (refused || request.mayPass) && (status !== 405 || Boolean(allow))
      if (right) return
      wrongCount++
      if (wrong.length >= 20) return
      const body = request.body === undefined ? '' : ` ${JSON.stringify(request.body.slice(0, 200))}`
      const answer = problem ? `${status} (${problem})` : `${status} allow=${allow}`
      wrong.push(`${answer} ← [${request.kind}] ${request.method} ${request.path.slice(0, 200)}${body}`)
    })
    // The batch's wrong answers are the report: the rest would only take longer.
    if (wrongCount > 0) break
  }

  expect(wrong, `${wrongCount} wrong answers; the first ones:`).toEqual([])
  expect([...perEndpoint.values()].reduce((a, b) => a + b)).toBe(BATCHES * BATCH_SIZE)
  // Every endpoint was fuzzed, and requests got past credentials to validation, lookup and limits.
  expect(new Set(perEndpoint.keys())).toEqual(new Set(plan.endpoints.map((e) => `${e.method} ${e.path}`)))
  expect(Math.min(...perEndpoint.values())).toBeGreaterThan(
    (BATCHES * BATCH_SIZE) / plan.endpoints.length / 2,
  )
  expect([...statuses].sort()).toEqual(expect.arrayContaining([400, 401, 403, 404, 405, 413]))

  const health = await fetch(`http://127.0.0.1:${port}/api/health`)
  expect(health.status).toBe(200)
  expect(await fingerprintDatabase(t.deps.db, exclusions)).toEqual(before)
  expect(t.logs.filter((line) => line.includes('unhandled error'))).toEqual([])
}, 900_000)
