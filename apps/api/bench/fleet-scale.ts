// npm run bench: the read paths of a 10,000-gateway fleet through the real api process: the
// Overview, the 24 h uptime of every gateway (its SQL alone too), the Gateway Manager's pages and the
// seed's full list. 24 h of probes every 30 s (28.8 M raw rows) and their hourly rollups, written
// directly. Each figure is the p95 of one client's back-to-back requests, in BENCH_RUNS runs; the
// reference is the raw-probe scan the rollups replace, timed on the same data.

import { uptime24hByGateway } from '@mc/db'
import {
  BENCH_RUNS,
  benchScale,
  formatSpread,
  machineLoad,
  measureRuns,
  percentile,
  spreadOf,
} from '@mc/testing/bench-runs'
import { sql } from 'drizzle-orm'
import { startBenchApi } from './support/bench-api.ts'
import { getP95 } from './support/get-p95.ts'
import { seedProbeHistory } from './support/probe-history-seed.ts'
import { rawUptimeReference } from './support/raw-uptime-reference.ts'

const SHAPE = benchScale(
  { gateways: 10_000, days: 1, intervalS: 30 },
  { gateways: 50, days: 1, intervalS: 300 },
)
const DURATION_MS = benchScale(10_000, 500)
/** The raw scan reads every probe of the day: seconds each at full scale. */
const REFERENCE_SAMPLES = benchScale(2, 1)
const TARGET_P95_MS = 100
/** The seed's unpaged list answers every gateway (megabytes at 10,000): a looser target. */
const FULL_LIST_TARGET_P95_MS = 500

/** p95 (ms) of `query` run back to back for `durationMs`, at least once. */
async function sqlP95(durationMs: number, query: () => Promise<unknown>) {
  const times: number[] = []
  const until = performance.now() + durationMs
  do {
    const t0 = performance.now()
    await query()
    times.push(performance.now() - t0)
  } while (performance.now() < until)
  return percentile(
    times.sort((a, b) => a - b),
    0.95,
  )
}

const api = await startBenchApi('fleet-scale')
try {
  const started = performance.now()
  await seedProbeHistory(api.db, SHAPE, (line) =>
    console.error(`[fleet-scale bench] ${line} (${((performance.now() - started) / 1000).toFixed(0)} s)`),
  )
  // A fleet as the sweep leaves it: mostly online, some refused, some black holes.
  await api.db.execute(sql`
    update gateways set status = case id % 20 when 0 then 'offline'::gateway_status
      when 1 then 'timeout'::gateway_status else 'online' end`)
  await api.db.execute(sql`vacuum analyze gateways`)

  let failures = 0
  const rawReference = () =>
    measureRuns(() => sqlP95(0, () => rawUptimeReference.overview(api.db)), REFERENCE_SAMPLES)
  const figures = [
    { measure: 'GET /api/fleet/overview', path: '/api/fleet/overview', reference: rawReference },
    {
      measure: '24 h uptime of every gateway, SQL alone (uptime24hByGateway)',
      sql: () => uptime24hByGateway(api.db),
      reference: rawReference,
    },
    { measure: 'GET /api/gateways?limit=50', path: '/api/gateways?limit=50' },
    { measure: 'GET /api/gateways?limit=50&q=gw-12', path: '/api/gateways?limit=50&q=gw-12' },
    { measure: 'GET /api/gateways?limit=50&status=offline', path: '/api/gateways?limit=50&status=offline' },
    { measure: 'GET /api/gateways (all)', path: '/api/gateways', target: FULL_LIST_TARGET_P95_MS },
  ]
  const rows = []
  for (const figure of figures) {
    const measure = async () => {
      if (figure.sql) return sqlP95(DURATION_MS, figure.sql)
      const result = await getP95(api, () => figure.path as string, DURATION_MS)
      failures += result.failures
      return result.p95
    }
    await measure() // warm-up: caches, prepared statements
    const load = machineLoad()
    const p95 = spreadOf(await measureRuns(measure))
    const reference = figure.reference ? formatSpread(spreadOf(await figure.reference()), 'ms') : '—'
    const target = figure.target ?? TARGET_P95_MS
    rows.push({
      measure: `${figure.measure} p95 (${SHAPE.gateways} gateways × ${(SHAPE.days * 86_400) / SHAPE.intervalS} probes, 1 client, ${BENCH_RUNS} runs of ${DURATION_MS / 1000} s)`,
      'min / median / max': formatSpread(p95, 'ms'),
      'reference: the raw-probe uptime scan (SQL only)': reference,
      machine: load,
      target: `≤ ${target} ms`,
      result: p95.median <= target && failures === 0 ? 'ok' : `MISSED (${failures} failed)`,
    })
  }
  console.table(rows)
} finally {
  await api.stop()
}
