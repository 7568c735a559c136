import http from 'node:http'
import { recordProbeResult } from '@mc/db'
import { onlineOutcome } from '@mc/db/testing'
import {
  agentsQuerySchema,
  auditQuerySchema,
  connectionsQuerySchema,
  connectRequestSchema,
  createApiKeyRequestSchema,
  createGatewayRequestSchema,
  createUserRequestSchema,
  deleteGatewayRequestSchema,
  disconnectRequestSchema,
  heartbeatRequestSchema,
  loginRequestSchema,
  probeHistoryQuerySchema,
  probeRequestSchema,
  recentProbesQuerySchema,
  statusChangesQuerySchema,
  updateGatewayRequestSchema,
  updateUserRequestSchema,
} from '@mc/shared'
import fc from 'fast-check'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { z } from 'zod'
import { createRouteDeps } from '../app.ts'
import { type HttpListener, listen } from '../http/listen.ts'
import { fingerprintDatabase } from '../testing/db-fingerprint.ts'
import { makeApiKey, makeSessionCookie, makeUser } from '../testing/factories.ts'
import {
  type BodySpec,
  type FuzzPlan,
  type HostileRequest,
  hostileRequests,
  type QuerySpec,
} from '../testing/hostile-requests.ts'
import { hostileString, missingId } from '../testing/hostile-values.ts'
import { useTestApp } from '../testing/test-app.ts'
import { apiRoutes } from '../routes/index.ts'

const SEED = 20_251_111
const BATCHES = 21
const BATCH_SIZE = 500
const IN_FLIGHT = 16

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
  allow: string | undefined
}

function send(port: number, request: HostileRequest): Promise<Answer> {
  const { method, path, headers, body } = request
  return new Promise((resolve, reject) => {
    const sizing = body === undefined ? {} : { 'content-length': String(Buffer.byteLength(body)) }
    const outgoing = http.request(
      { host: '127.0.0.1', port, method, path, headers: { ...headers, ...sizing }, agent },
      (res) => {
        res.resume()
        res.on('end', () => resolve({ status: res.statusCode ?? 0, allow: res.headers.allow }))
        res.on('error', reject)
      },
    )
    outgoing.on('error', reject)
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

/** A query the schema refuses: hostile values for its own keys beside a key it does not know. */
function strictQuery(schema: z.ZodObject): QuerySpec {
  const keys = Object.keys(schema.shape)
  const value = fc.oneof(hostileString, fc.nat().map(String))
  return {
    keys,
    refused: fc
      .record({
        known: fc.dictionary(fc.constantFrom(...keys), value, { maxKeys: 3 }),
        unknown: fc.string({ minLength: 1, maxLength: 12 }).filter((k) => !keys.includes(k)),
      })
      .map(({ known, unknown }) => ({ ...known, [unknown]: '1' })),
    harmless: true,
  }
}

const missingConnection = fc.oneof(hostileString, missingId)

const bodies: Record<string, BodySpec> = {
  'POST /auth/login': { schema: loginRequestSchema },
  'POST /users': { schema: createUserRequestSchema },
  'PATCH /users/:id': { schema: updateUserRequestSchema },
  'POST /keys': { schema: createApiKeyRequestSchema },
  'POST /gateways': { schema: createGatewayRequestSchema },
  'PUT /gateways': { schema: updateGatewayRequestSchema, target: fc.record({ id: missingId }) },
  'DELETE /gateways': { schema: deleteGatewayRequestSchema, target: fc.record({ id: missingId }) },
  'POST /gateways/health': {
    schema: probeRequestSchema,
    // Without id or ids it would probe every gateway: always name one that does not exist.
    target: fc.oneof(
      fc.record({ id: missingId }),
      fc.record({ ids: fc.array(missingId, { minLength: 1, maxLength: 5 }) }),
    ),
  },
  'POST /connect': { schema: connectRequestSchema },
  'DELETE /connect': { schema: disconnectRequestSchema, target: fc.record({ connection_id: missingConnection }) },
  'POST /agents/:id/heartbeat': {
    schema: heartbeatRequestSchema,
    target: fc.record({ connection_id: missingConnection }),
  },
}

const queries: Record<string, QuerySpec> = {
  'GET /agents': strictQuery(agentsQuerySchema),
  'GET /connect': strictQuery(connectionsQuerySchema),
  'GET /audit': strictQuery(auditQuerySchema),
  'GET /gateways/status-changes': strictQuery(statusChangesQuerySchema),
  'GET /gateways/health/history': strictQuery(probeHistoryQuerySchema),
  'GET /gateways/health/recent': strictQuery(recentProbesQuerySchema),
  // A valid id would open a stream that does not end: only ids that are not event ids.
  'GET /events': {
    keys: ['last_event_id'],
    refused: hostileString.map((id) => ({ last_event_id: `x${id}` })),
    harmless: false,
  },
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
  const adminSessionToken = (await makeSessionCookie(db, adminUser)).split('=')[1] ?? ''
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
  await recordProbeResult(db, primary.id, onlineOutcome(), 1)
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
    endpoints: apiRoutes(createRouteDeps(t.deps)).map(({ method, path, access }) => ({ method, path, access })),
    bodies,
    queries,
    bodyIgnored: new Set(['POST /auth/logout', 'DELETE /keys/:id']),
    existingParams: {
      'PATCH /users/:id': [String(otherUser.id), String(adminUser.id)],
      'DELETE /keys/:id': [String(spareKey.id)],
      'GET /gateways/:id': [String(primary.id)],
      'GET /gateways/:id/live': [String(primary.id)],
      'GET /agents/:id': agentRefs,
      'POST /agents/:id/heartbeat': agentRefs,
    },
    credentials: { admin, viewer, adminSessionToken },
    bodyLimitBytes: t.deps.config.BODY_LIMIT_BYTES,
  }
})

/**
 * Left out of the comparison because they rightly change on a refused request: a key's or a
 * session's last use (written when the credential checks out, before the request is judged), and
 * the audit entries that record refused credentials.
 */
const exclusions = {
  columns: { api_keys: ['last_used_at'], sessions: ['last_seen_at', 'expires_at'] },
  rows: { audit_log: `action not in ('auth.login_failed', 'auth.api_key_rejected')` },
}

it('refuses 10,500 hostile requests to every endpoint with a 4xx, stays healthy and changes nothing', async () => {
  const before = await fingerprintDatabase(t.deps.db, exclusions)
  const perEndpoint = new Map<string, number>()
  const statuses = new Set<number>()
  const wrong: string[] = []
  const timing = new Map<string, { n: number; ms: number; max: number }>()
  const tStart = performance.now()
  let genMs = 0
  const arbitrary = hostileRequests(plan)
  for (let batch = 0; batch < BATCHES; batch++) {
    const g0 = performance.now()
    const requests = fc.sample(arbitrary, { seed: SEED + batch, numRuns: BATCH_SIZE })
    genMs += performance.now() - g0
    await inParallel(requests, async (request) => {
      const t0 = performance.now()
      const { status, allow } = await send(port, request).catch((error: Error & { code?: string }) => ({
        status: -1,
        allow: `${error.message} ${error.code}`,
      }))
      const ms = performance.now() - t0
      const k = `${request.kind} ${request.endpoint} ${status}`
      const e = timing.get(k) ?? { n: 0, ms: 0, max: 0 }
      e.n++; e.ms += ms; e.max = Math.max(e.max, ms)
      timing.set(k, e)
      statuses.add(status)
      perEndpoint.set(request.endpoint, (perEndpoint.get(request.endpoint) ?? 0) + 1)
      const refused = status >= 400 && status < 500
      const right = status > 0 && status < 500 && (refused || request.mayPass) && (status !== 405 || Boolean(allow))
      if (!right && wrong.length < 20) {
        const body = request.body === undefined ? '' : ` ${JSON.stringify(request.body.slice(0, 200))}`
        wrong.push(`${status} ${allow} ← [${request.kind}] ${request.method} ${request.path.slice(0, 200)}${body}`)
      }
    })
  }

  console.log('total', (performance.now() - tStart).toFixed(0), 'gen', genMs.toFixed(0))
  console.log([...timing].sort((a, b) => b[1].ms - a[1].ms).slice(0, 30).map(([k, v]) => `${k}: n=${v.n} total=${v.ms.toFixed(0)} max=${v.max.toFixed(0)}`).join('\n'))
  console.log("resets", [...timing].filter(([k]) => k.endsWith(" -1")).reduce((a, [, v]) => a + v.n, 0));
  console.log(t.logs.slice(0, 10).join('\n'))
  expect(wrong).toEqual([])
  expect([...perEndpoint.values()].reduce((a, b) => a + b)).toBe(BATCHES * BATCH_SIZE)
  // Every endpoint was fuzzed, and requests got past credentials to validation, lookup and limits.
  expect(new Set(perEndpoint.keys())).toEqual(new Set(plan.endpoints.map((e) => `${e.method} ${e.path}`)))
  expect(Math.min(...perEndpoint.values())).toBeGreaterThan(200)
  expect([...statuses].sort()).toEqual(expect.arrayContaining([400, 401, 403, 404, 405, 413]))

  const health = await fetch(`http://127.0.0.1:${port}/api/health`)
  expect(health.status).toBe(200)
  expect(await fingerprintDatabase(t.deps.db, exclusions)).toEqual(before)
  expect(t.logs.filter((line) => line.includes('unhandled error'))).toEqual([])
}, 180_000)
