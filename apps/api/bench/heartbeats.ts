// npm run bench: heartbeat ingest against the real api process and Postgres with 5,000 live CLI
// connections (sustained heartbeats/s, p50/p99 latency) while one dashboard streams every event,
// and one expiry sweep over 100,000 connections of which 10,000 are stale. Prints a table.
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import http from 'node:http'
import { fileURLToPath } from 'node:url'
import { closeDb, createApiKey, createDb, expireConnections } from '@mc/db'
import { databaseStem, ensureTestServices, freePort, redisPrefixStem } from '@mc/local-stack'
import { createScratchDatabase } from '@mc/testing/scratch-database'
import { sql } from 'drizzle-orm'
import { newApiKey, sha256 } from '../src/auth/secrets.ts'

const CONNECTIONS = 5000
const CONCURRENCY = 32
const DURATION_MS = 10_000
const API_MAIN = fileURLToPath(new URL('../dist/main.js', import.meta.url))

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? Number.NaN
}

/** Reads an SSE response in the background, counting `connection.heartbeat` events. */
function countStreamedHeartbeats(res: Response) {
  const reader = (res.body as ReadableStream<Uint8Array>).pipeThrough(new TextDecoderStream()).getReader()
  let count = 0
  let partial = ''
  void (async () => {
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }))
      if (done || value === undefined) return
      const frames = (partial + value).split('\n\n')
      partial = frames.pop() ?? ''
      for (const frame of frames) if (frame.includes('\nevent: connection.heartbeat\n')) count++
    }
  })()
  return {
    stop() {
      void reader.cancel()
      return count
    },
  }
}

function post(agent: http.Agent, port: number, path: string, key: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        agent,
        headers: {
          'x-api-key': key,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        },
      },
      (res) => {
        res.resume()
        res.on('end', () => resolve(res.statusCode ?? 0))
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}

async function main() {
  const services = await ensureTestServices()
  const scratch = await createScratchDatabase(services.postgresAdminUrl, databaseStem(services.runId))
  const dbUrl = scratch.url
  const db = createDb(dbUrl, { max: 4 })
  const port = await freePort()
  const api = spawn(
    process.execPath,
    [...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir=/tmp/prof-api'] : []), API_MAIN],
    {
      env: {
        ...process.env,
        DATABASE_URL: dbUrl,
        REDIS_URL: services.redisUrl,
        // Named for the run: `services.stop()` removes its keys, even after a failure.
        REDIS_PREFIX: `${redisPrefixStem(services.runId)}-heartbeats`,
        MC_SECRET_KEY: randomBytes(32).toString('base64'),
        MC_ADMIN_PASSWORD: 'bench-admin-password',
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  )
  try {
    const { key, prefix } = newApiKey()
    await createApiKey(db, { name: 'bench', keyHash: sha256(key), prefix, role: 'operator', ownerId: null })
    for (;;) {
      const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
      if (ok) break
      await new Promise((r) => setTimeout(r, 100))
    }
    const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY })
    const live: { agentId: number; connectionId: string }[] = []
    for (let i = 0; i < CONNECTIONS; i += CONCURRENCY) {
      const batch = await Promise.all(
        Array.from({ length: Math.min(CONCURRENCY, CONNECTIONS - i) }, async (_, j) => {
          const res = await fetch(`http://127.0.0.1:${port}/api/connect`, {
            method: 'POST',
            headers: { 'x-api-key': key, 'content-type': 'application/json' },
            body: JSON.stringify({ agent_name: `bench-agent-${i + j}`, tool_name: 'bench' }),
          })
          const body = (await res.json()) as { agent_id: number; connection_id: string }
          return { agentId: body.agent_id, connectionId: body.connection_id }
        }),
      )
      live.push(...batch)
    }

    // A dashboard is open: one event stream receives every heartbeat's event while the load runs.
    const stream = await fetch(`http://127.0.0.1:${port}/api/events`, { headers: { 'x-api-key': key } })
    const streamed = countStreamedHeartbeats(stream)

    // Closed loop: CONCURRENCY clients, each sending its next heartbeat when the last one answers.
    const latencies: number[] = []
    let failures = 0
    let next = 0
    const deadline = performance.now() + DURATION_MS
    const started = performance.now()
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (performance.now() < deadline) {
          const c = live[next++ % live.length]
          if (!c) break
          const body = JSON.stringify({
            connection_id: c.connectionId,
            tokens: { input: 150, output: 80, model: 'bench-model' },
          })
          const t0 = performance.now()
          const status = await post(agent, port, `/api/agents/${c.agentId}/heartbeat`, key, body)
          latencies.push(performance.now() - t0)
          if (status !== 200) failures++
        }
      }),
    )
    const elapsedS = (performance.now() - started) / 1000
    // Let the stream catch up with the last heartbeats' events, then stop reading it.
    await new Promise((resolve) => setTimeout(resolve, 500))
    const heartbeatEvents = streamed.stop()
    latencies.sort((a, b) => a - b)
    agent.destroy()
    const rate = latencies.length / elapsedS

    // Expiry sweep: 100,000 connections, 10,000 of them stale, spread over 20,000 agents. Vacuumed
    // first, as autovacuum keeps a live table, so the sweep does not pay for the bulk insert's hint
    // bits. Three rounds (the stale rows re-armed in between); the slowest one is reported.
    await db.execute(sql`truncate direct_connections, token_usage, agents restart identity cascade`)
    await db.execute(
      sql`insert into agents (name, status) select 'sweep-' || g, 'online' from generate_series(1, 20000) g`,
    )
    await db.execute(sql`
      insert into direct_connections (agent_id, tool_name, connection_id, status, expires_at)
      select 1 + (g % 20000), 'bench', 'conn-sweep-' || g, 'connected',
             case when g % 10 = 0 then now() - interval '1 minute' else now() + interval '1 minute' end
      from generate_series(1, 100000) g`)
    const sweeps: { ms: number; expired: number }[] = []
    for (let round = 0; round < 3; round++) {
      await db.execute(sql`
        update direct_connections set status = 'connected', disconnected_at = null, disconnect_reason = null
        where status = 'disconnected'`)
      await db.execute(sql`update agents set status = 'online' where status = 'offline'`)
      await db.execute(sql`vacuum analyze direct_connections`)
      await db.execute(sql`vacuum analyze agents`)
      const sweepStarted = performance.now()
      const expired = await expireConnections(db)
      sweeps.push({ ms: performance.now() - sweepStarted, expired: expired.connections.length })
    }
    const sweepMs = Math.max(...sweeps.map((s) => s.ms))
    const sweepsExact = sweeps.every((s) => s.expired === 10_000)

    const verdict = (ok: boolean) => (ok ? 'ok' : 'MISSED')
    const p50 = percentile(latencies, 0.5)
    const p99 = percentile(latencies, 0.99)
    console.table([
      {
        measure: `heartbeats/s (${CONNECTIONS} connections, ${CONCURRENCY} clients)`,
        value: rate.toFixed(0),
        target: '≥ 3000',
        result: verdict(rate >= 3000),
      },
      { measure: 'heartbeat latency p50', value: `${p50.toFixed(1)} ms`, target: '—', result: '' },
      {
        measure: 'heartbeat latency p99',
        value: `${p99.toFixed(1)} ms`,
        target: '≤ 50 ms',
        result: verdict(p99 <= 50),
      },
      { measure: 'failed heartbeats', value: String(failures), target: '0', result: verdict(failures === 0) },
      {
        measure: 'heartbeat events streamed to an open dashboard',
        value: `${heartbeatEvents} of ${latencies.length}`,
        target: 'all',
        result: verdict(heartbeatEvents === latencies.length),
      },
      {
        measure: 'expiry sweep (100,000 connections, 10,000 stale; slowest of 3)',
        value: `${sweepMs.toFixed(0)} ms (${sweeps.map((s) => s.expired).join('/')} expired)`,
        target: '≤ 300 ms',
        result: verdict(sweepMs <= 300 && sweepsExact),
      },
    ])
  } finally {
    api.kill('SIGTERM')
    await closeDb(db)
    await scratch.drop()
    await services.stop()
  }
}

await main()
