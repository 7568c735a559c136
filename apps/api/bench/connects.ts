// POST /api/connect per second: 8 clients registering new agents through the real api process,
// each run beside pgbench running the same transaction (its statements pipelined, as the api does).
import {
  BENCH_RUNS,
  benchScale,
  formatSpread,
  machineLoad,
  measureRuns,
  spreadOf,
} from '@mc/testing/bench-runs'
import { startBenchApi } from './support/bench-api.ts'
import { apiClient, closedLoop, postJson } from './support/closed-loop.ts'
import { findPgbench, pgbenchTps } from './support/pgbench.ts'

const CLIENTS = 8
const DURATION_MS = benchScale(5_000, 1000)
const TARGET_PER_S = 1000
const PGBENCH_SCRIPT = `
\\set n random(1, 1000000000000000)
\\startpipeline
BEGIN;
INSERT INTO agents (name, role, status, last_seen) VALUES ('pg-' || :n || '-' || :client_id, 'cli', 'online', now())
  ON CONFLICT (name) DO UPDATE SET status = 'online', last_seen = now(), updated_at = now() RETURNING id, name;
WITH agent AS (SELECT id FROM agents WHERE name = 'pg-' || :n || '-' || :client_id),
replaced AS (UPDATE direct_connections SET status = 'disconnected', disconnected_at = now(), disconnect_reason = 'replaced'
  WHERE agent_id = (SELECT id FROM agent) AND tool_name = 'bench' AND status = 'connected' RETURNING connection_id),
opened AS (INSERT INTO direct_connections (agent_id, tool_name, connection_id, expires_at)
  SELECT id, 'bench', 'pg-' || :n || '-' || :client_id, now() + interval '60 seconds' FROM agent RETURNING connection_id)
SELECT connection_id FROM replaced UNION ALL SELECT connection_id FROM opened;
COMMIT;
\\endpipeline
`

const pgbench = findPgbench()
if (!pgbench) console.log('pgbench not found (PATH, /usr/lib/postgresql/*/bin): no reference figure this run')
const api = await startBenchApi('connects')
const client = apiClient(api.port, CLIENTS)
try {
  let failures = 0
  const references: number[] = []
  const rates = await measureRuns(async (run) => {
    const result = await closedLoop(CLIENTS, DURATION_MS, (n) =>
      postJson(
        client,
        '/api/connect',
        api.key,
        JSON.stringify({ agent_name: `connect-bench-${run}-${n}`, tool_name: 'bench' }),
      ).then((r) => r.status),
    )
    failures += result.failures
    if (pgbench)
      references.push(await pgbenchTps(pgbench, api.dbUrl, PGBENCH_SCRIPT, CLIENTS, DURATION_MS / 1000))
    return result.rate
  })
  const spread = spreadOf(rates)
  console.table([
    {
      measure: `POST /api/connect per second (${CLIENTS} clients, new agent each, ${BENCH_RUNS} runs of ${DURATION_MS / 1000} s)`,
      'min / median / max': formatSpread(spread, '/s'),
      reference:
        references.length > 0
          ? `pgbench, the same transaction, ${CLIENTS} clients: ${formatSpread(spreadOf(references), 'tps')}`
          : '—',
      machine: machineLoad(),
      target: `≥ ${TARGET_PER_S} /s`,
      result: spread.median >= TARGET_PER_S && failures === 0 ? 'ok' : `MISSED (${failures} failed)`,
    },
  ])
} finally {
  await client.close()
  await api.stop()
}
