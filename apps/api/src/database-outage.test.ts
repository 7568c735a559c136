import { randomBytes } from 'node:crypto'
import { chmod, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { freePort, type PostgresChild, startPostgresChild } from '@mc/local-stack'
import { useTestRedis } from '@mc/testing'
import postgres from 'postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiConfigSchema } from './config.ts'
import { type RunningApi, startApi } from './server.ts'

// The api on a Postgres of this file's own, which the test stops and starts again like an outage.
const redis = useTestRedis()
const ADMIN_KEY = randomBytes(24).toString('hex')
/** The acceptance number: while Postgres is down, every request has its answer within 2 s. */
const ANSWER_WITHIN_MS = 2000

let dataDir: string
let pgOptions: Parameters<typeof startPostgresChild>[0]
let pg: PostgresChild | undefined
let databaseUrl: string
let api: RunningApi | undefined
let baseUrl: string

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'mc-outage-'))
  // As root, Postgres runs as the `postgres` user, who must be able to enter it.
  await chmod(dataDir, 0o755)
  pgOptions = { dataDir: path.join(dataDir, 'pg'), port: await freePort(), database: 'mc', persistent: true }
  pg = await startPostgresChild(pgOptions)
  databaseUrl = pg.url
  api = await startApi(
    apiConfigSchema.parse({
      DATABASE_URL: databaseUrl,
      REDIS_URL: redis.url,
      REDIS_PREFIX: redis.prefix,
      MC_SECRET_KEY: randomBytes(32).toString('base64'),
      MC_API_KEY: ADMIN_KEY,
      MC_ADMIN_PASSWORD: 'outage-admin-password',
      LOG_LEVEL: 'silent',
      PORT: '0',
      HOST: '127.0.0.1',
    }),
  )
  baseUrl = `http://127.0.0.1:${api.port}`
})

afterAll(async () => {
  await api?.stop()
  await pg?.stop()
  if (dataDir) await rm(dataDir, { recursive: true, force: true })
})

interface Timed {
  status: number
  body: unknown
  ms: number
}

async function call(method: string, url: string, body?: unknown, key = ADMIN_KEY): Promise<Timed> {
  const started = performance.now()
  const res = await fetch(`${baseUrl}${url}`, {
    method,
    headers: { 'x-api-key': key, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: res.status, body: await res.json(), ms: performance.now() - started }
}

/** One tool heartbeating in a loop; each heartbeat reports a distinct input-token count. */
function heartbeatLoop(agentId: number, connectionId: string) {
  const acknowledged: number[] = []
  const statuses = new Set<number>()
  let sent = 0
  let running = true
  const done = (async () => {
    while (running) {
      const input = ++sent
      const res = await call('POST', `/api/agents/${agentId}/heartbeat`, {
        connection_id: connectionId,
        tokens: { input, output: 1, model: 'outage-model' },
      })
      statuses.add(res.status)
      if (res.status === 200) acknowledged.push(input)
      // Paces the tool; nothing waits on this to assert.
      await sleep(20)
    }
  })()
  return {
    acknowledged,
    statuses,
    async stop() {
      running = false
      await done
    },
  }
}

describe('a Postgres outage', () => {
  it('answers 503 "database unavailable" within 2 s while Postgres is down, recovers by itself, and keeps every acknowledged heartbeat', {
    timeout: 90_000,
  }, async () => {
    const connected = await call('POST', '/api/connect', { agent_name: 'outage-agent', tool_name: 'codex' })
    expect(connected.status).toBe(200)
    const { agent_id: agentId, connection_id: connectionId } = connected.body as {
      agent_id: number
      connection_id: string
    }
    // A stored key the api has never checked: authenticating it needs the database.
    const created = await call('POST', '/api/keys', { name: 'unseen', role: 'operator' })
    expect(created.status).toBe(201)
    const unseenKey = (created.body as { key: string }).key

    const tool = heartbeatLoop(agentId, connectionId)
    try {
      await expect.poll(() => tool.acknowledged.length, { timeout: 10_000 }).toBeGreaterThan(2)
      await pg?.stop()
      pg = undefined

      // Rounds of requests: each failed attempt must not make the next one wait longer.
      for (let round = 0; round < 4; round++) {
        const during = [
          await call('GET', '/api/gateways'),
          await call('POST', `/api/agents/${agentId}/heartbeat`, { connection_id: connectionId }),
          await call('POST', '/api/connect', { agent_name: 'outage-agent-2', tool_name: 'codex' }),
          await call('GET', '/api/agents'),
          await call('GET', '/api/gateways', undefined, unseenKey),
        ]
        for (const answer of during) {
          expect(answer).toMatchObject({ status: 503, body: { error: 'database unavailable' } })
          expect(answer.ms).toBeLessThan(ANSWER_WITHIN_MS)
        }
      }
      const login = performance.now()
      const signIn = await fetch(`${baseUrl}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password: 'not-the-password' }),
      })
      expect(signIn.status).toBe(503)
      expect(performance.now() - login).toBeLessThan(ANSWER_WITHIN_MS)
      const health = await call('GET', '/api/health')
      expect(health).toMatchObject({ status: 503, body: { status: 'down', checks: { db: { ok: false } } } })
      expect(health.ms).toBeLessThan(ANSWER_WITHIN_MS + 500)
      await expect.poll(() => tool.statuses.has(503), { timeout: 5000 }).toBe(true)

      pg = await startPostgresChild(pgOptions)
      // Back at once: no request waits out a reconnect delay grown during the outage.
      const back = await call('GET', '/api/gateways')
      expect(back.status).toBe(200)
      expect(back.ms).toBeLessThan(ANSWER_WITHIN_MS)
      const acknowledgedBeforeRecovery = tool.acknowledged.length
      await expect
        .poll(() => tool.acknowledged.length, { timeout: 10_000 })
        .toBeGreaterThan(acknowledgedBeforeRecovery + 2)
    } finally {
      await tool.stop()
    }
    expect([...tool.statuses].sort()).toEqual([200, 503])

    const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} })
    try {
      const rows = await sql<{ input_tokens: number }[]>`
        select input_tokens from token_usage where model = 'outage-model'`
      const stored = rows.map((row) => row.input_tokens)
      expect(new Set(stored).size).toBe(stored.length)
      expect(stored).toEqual(expect.arrayContaining(tool.acknowledged))
    } finally {
      await sql.end()
    }
  })
})
