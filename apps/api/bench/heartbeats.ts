// Heartbeat ingest through the real api process with 5,000 live CLI connections while one dashboard
// streams every event, each run beside a pgbench reference in the same run: the same clients doing
// what one heartbeat costs Postgres at least (one UPDATE + one INSERT per transaction, same tables).
import {
  benchScale,
  formatSpread,
  machineLoad,
  measureRuns,
  percentile,
  spreadOf,
} from '@mc/testing/bench-runs'
import { cpuTimeMs, cpuTimeOfProcessesMs } from '@mc/testing/process-usage'
import { request } from 'undici'
import { startBenchApi } from './support/bench-api.ts'
import { apiClient, closedLoop, postJson } from './support/closed-loop.ts'
import { findPgbench, pgbenchTps } from './support/pgbench.ts'

const CONNECTIONS = benchScale(5000, 200)
/** How long the event stream may trail the last heartbeat before a missing event counts as lost. */
const STREAM_CATCH_UP_MS = 10_000
const CLIENTS = 32
const DURATION_MS = benchScale(5_000, 1000)
const TARGET_PER_S = 5000
const TARGET_P99_MS = 25
/** Batching must beat the naive design (one transaction per heartbeat) by this much. */
const TARGET_RATIO = 1.2

const PGBENCH_SCRIPT = `
\\set id random(1, ${CONNECTIONS})
BEGIN;
UPDATE direct_connections SET last_heartbeat = now(), expires_at = now() + interval '60 seconds' WHERE id = :id;
INSERT INTO token_usage (agent_id, connection_id, model, input_tokens, output_tokens)
  SELECT agent_id, id, 'bench-model', 150, 80 FROM direct_connections WHERE id = :id;
COMMIT;
`

const HEARTBEAT_FRAME = Buffer.from('\nevent: connection.heartbeat\n')

/**
 * A dashboard: reads `/api/events` in the background, counting `connection.heartbeat` frames in
 * the raw bytes (a frame's data is one line of JSON, which never holds a line break), without
 * decoding or splitting what it receives: the load generator shares the cores it measures.
 */
async function countStreamedHeartbeats(port: number, key: string) {
  const stream = await request(`http://127.0.0.1:${port}/api/events`, { headers: { 'x-api-key': key } })
  let count = 0
  // The end of the last chunk, where a frame's marker may have been cut in two.
  let tail: Buffer = Buffer.alloc(0)
  stream.body.on('data', (chunk: Buffer) => {
    const bytes = tail.length > 0 ? Buffer.concat([tail, chunk]) : chunk
    let at = bytes.indexOf(HEARTBEAT_FRAME)
    let end = 0
    while (at !== -1) {
      count++
      end = at + HEARTBEAT_FRAME.length
      at = bytes.indexOf(HEARTBEAT_FRAME, end)
    }
    tail = bytes.subarray(Math.max(end, bytes.length - HEARTBEAT_FRAME.length + 1))
  })
  stream.body.on('error', () => {})
  return {
    count: () => count,
    stop: () => stream.body.destroy(),
  }
}

const pgbench = findPgbench()
if (!pgbench) console.log('pgbench not found (PATH, /usr/lib/postgresql/*/bin): no reference figure this run')
const api = await startBenchApi('heartbeats')
const client = apiClient(api.port, CLIENTS)
try {
  const live: { agentId: number; connectionId: string }[] = []
  for (let i = 0; i < CONNECTIONS; i += CLIENTS) {
    const batch = Array.from({ length: Math.min(CLIENTS, CONNECTIONS - i) }, async (_, j) => {
      const body = JSON.stringify({ agent_name: `bench-agent-${i + j}`, tool_name: 'bench' })
      const { text } = await postJson(client, '/api/connect', api.key, body)
      const answer = JSON.parse(text) as { agent_id: number; connection_id: string }
      return { agentId: answer.agent_id, connectionId: answer.connection_id }
    })
    live.push(...(await Promise.all(batch)))
  }

  // A dashboard is open: one event stream receives every heartbeat's event while the load runs.
  const streamed = await countStreamedHeartbeats(api.port, api.key)
  const p99s: number[] = []
  const references: number[] = []
  let sent = 0
  let failures = 0
  // CPU time per heartbeat of each process on the path, to see where a heartbeat's cost goes.
  const cpuOf = {
    api: () => cpuTimeMs(api.pid),
    // The api's own backends: their titles name the run's scratch database.
    postgres: () => cpuTimeOfProcessesMs(` ${new URL(api.dbUrl).pathname.slice(1)} `),
    redis: () => cpuTimeOfProcessesMs('redis-server'),
    'load generator and dashboard': () => {
      const { user, system } = process.cpuUsage()
      return (user + system) / 1000
    },
  }
  const cpuPerHeartbeat = new Map(Object.keys(cpuOf).map((name) => [name, [] as number[]]))
  const rates = await measureRuns(async () => {
    const cpuBefore = Object.values(cpuOf).map((read) => read())
    const result = await closedLoop(CLIENTS, DURATION_MS, (n) => {
      const c = live[n % live.length] as (typeof live)[number]
      const body = JSON.stringify({
        connection_id: c.connectionId,
        tokens: { input: 150, output: 80, model: 'bench-model' },
      })
      return postJson(client, `/api/agents/${c.agentId}/heartbeat`, api.key, body).then((r) => r.status)
    })
    sent += result.latencies.length
    Object.entries(cpuOf).forEach(([name, read], i) => {
      cpuPerHeartbeat.get(name)?.push((read() - (cpuBefore[i] ?? 0)) / result.latencies.length)
    })
    failures += result.failures
    p99s.push(percentile(result.latencies, 0.99))
    if (pgbench)
      references.push(await pgbenchTps(pgbench, api.dbUrl, PGBENCH_SCRIPT, CLIENTS, DURATION_MS / 1000))
    return result.rate
  })
  // The stream may trail the last heartbeats: wait until it has them all, or a lost one is clear.
  const giveUpAt = performance.now() + STREAM_CATCH_UP_MS
  while (streamed.count() < sent && performance.now() < giveUpAt) {
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  const heartbeatEvents = streamed.count()
  streamed.stop()

  const rate = spreadOf(rates)
  const p99 = spreadOf(p99s)
  const reference = references.length > 0 ? spreadOf(references) : undefined
  console.table([
    {
      measure: `heartbeats/s, ${CONNECTIONS} connections, ${CLIENTS} clients, one dashboard streaming every event`,
      'min / median / max': formatSpread(rate, '/s'),
      reference: reference
        ? `pgbench 1 UPDATE + 1 INSERT, ${CLIENTS} clients: ${formatSpread(reference, 'tps')}; median ratio ${(rate.median / reference.median).toFixed(2)}`
        : '—',
      machine: machineLoad(),
      target: `≥ ${TARGET_PER_S} /s and ≥ ${TARGET_RATIO} × pgbench`,
      result:
        rate.median >= TARGET_PER_S && (!reference || rate.median / reference.median >= TARGET_RATIO)
          ? 'ok'
          : 'MISSED',
    },
    {
      measure: 'heartbeat latency p99',
      'min / median / max': formatSpread(p99, 'ms', 1),
      reference: '',
      machine: machineLoad(),
      target: `≤ ${TARGET_P99_MS} ms`,
      result: p99.median <= TARGET_P99_MS ? 'ok' : 'MISSED',
    },
    ...[...cpuPerHeartbeat].map(([name, samples]) => ({
      measure: `CPU time per heartbeat: ${name}`,
      'min / median / max': formatSpread(spreadOf(samples), 'ms', 3),
      reference: '',
      machine: '',
      target: '—',
      result: '',
    })),
    {
      measure: 'failed heartbeats; heartbeat events streamed to the dashboard',
      'min / median / max': `${failures}; ${heartbeatEvents} of ${sent}`,
      reference: '',
      machine: '',
      target: '0; all',
      result: failures === 0 && heartbeatEvents === sent ? 'ok' : 'MISSED',
    },
  ])
} finally {
  await client.close()
  await api.stop()
}
