// npm run bench: `GET /api/sessions` through the real api process over 100,000 stored sessions of
// 1,000 gateways, written directly: the Sessions page's first page, a state filter, a search and one
// gateway's sessions. Each figure is the p95 of one client's back-to-back requests in BENCH_RUNS runs.
import {
  BENCH_RUNS,
  benchScale,
  formatSpread,
  machineLoad,
  measureRuns,
  spreadOf,
} from '@mc/testing/bench-runs'
import { sql } from 'drizzle-orm'
import { startBenchApi } from './support/bench-api.ts'
import { getP95 } from './support/get-p95.ts'

const SHAPE = benchScale({ gateways: 1000, sessionsEach: 100 }, { gateways: 10, sessionsEach: 20 })
const DURATION_MS = benchScale(10_000, 1000)
const TARGET_P95_MS = 100

const api = await startBenchApi('sessions')
try {
  // Every fifth session runs, one in ten of those is stuck, a third of the rest are idle, some ended.
  await api.db.execute(sql`
    insert into gateways (name, host, port)
    select 'gw-' || n, '127.0.0.1', 20000 + n from generate_series(1, ${SHAPE.gateways}) n`)
  await api.db.execute(sql`
    insert into gateway_sessions (gateway_id, session_key, agent, label, kind, model, model_provider,
      created_at, updated_at, last_activity_at, has_active_run, state, input_tokens, output_tokens,
      estimated_cost_usd, ended_at)
    select g.id, 'agent:' || a.agent || ':dashboard:' || g.id || '-' || n, a.agent, 'session ' || n,
      'direct', 'echo-1', 'mock', t - interval '1 day', t, t, s.state in ('active', 'stuck'), s.state,
      n * 100, n * 10, n * 0.001, case when s.state = 'ended' then now() end
    from gateways g cross join generate_series(1, ${SHAPE.sessionsEach}) n
    cross join lateral (select now() - make_interval(secs => (g.id * 7 + n * 13) % 7200) as t) tt
    cross join lateral (select case when n % 3 = 0 then 'helper' else 'main' end as agent) a
    cross join lateral (select (case
      when n % 10 = 0 then 'stuck' when n % 5 = 0 then 'active' when n % 3 = 0 then 'idle'
      when n % 17 = 0 then 'ended' else 'ready' end)::session_state as state) s`)
  await api.db.execute(sql`analyze gateway_sessions`)
  const [{ n: stored } = { n: 0 }] = await api.db.execute<{ n: number }>(
    sql`select count(*)::int as n from gateway_sessions`,
  )

  let failures = 0
  /** p95 (ms) of one client's back-to-back GETs of `path(n)` for DURATION_MS. */
  const httpP95 = async (path: (n: number) => string) => {
    const result = await getP95(api, path, DURATION_MS)
    failures += result.failures
    return result.p95
  }

  const rows = []
  for (const figure of [
    { measure: 'first page (50)', path: () => '/api/sessions' },
    { measure: 'state=idle', path: () => '/api/sessions?state=idle' },
    { measure: 'search q=', path: (n: number) => `/api/sessions?q=session%20${(n % 90) + 10}` },
    { measure: 'one gateway', path: (n: number) => `/api/sessions?gateway_id=${(n % SHAPE.gateways) + 1}` },
  ]) {
    await httpP95(figure.path) // warm-up: caches, prepared statements
    const load = machineLoad()
    const p95 = spreadOf(await measureRuns(() => httpP95(figure.path)))
    rows.push({
      measure: `GET /api/sessions ${figure.measure} p95 (${stored} sessions, 1 client, ${BENCH_RUNS} runs of ${DURATION_MS / 1000} s)`,
      'min / median / max': formatSpread(p95, 'ms'),
      machine: load,
      target: `≤ ${TARGET_P95_MS} ms`,
      result: p95.median <= TARGET_P95_MS && failures === 0 ? 'ok' : `MISSED (${failures} failed)`,
    })
  }
  console.table(rows)
} finally {
  await api.stop()
}
