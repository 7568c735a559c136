// npm run bench: the Overview (`GET /api/fleet/overview`) and a gateway's page (`GET /api/gateways/:id`)
// through the real api process, with 1,000 gateways and 30 days of probe history written directly.
// Each figure is the p95 of one client's back-to-back requests, measured in BENCH_RUNS runs, beside
// the queries the api ran before it read the rollups, timed on the same data.
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
  { gateways: 1000, days: 30, intervalS: 30 },
  { gateways: 20, days: 2, intervalS: 300 },
)
const DURATION_MS = benchScale(10_000, 1000)
/** Requests per reference run: the old queries take seconds each. */
const REFERENCE_SAMPLES = benchScale({ overview: 3, gateway: 20 }, { overview: 1, gateway: 2 })
const TARGET_P95_MS = 100

const api = await startBenchApi('overview')
try {
  const started = performance.now()
  await seedProbeHistory(api.db, SHAPE, (line) =>
    console.error(`[overview bench] ${line} (${((performance.now() - started) / 1000).toFixed(0)} s)`),
  )
  const gatewayIds = (await api.db.execute<{ id: number }>(sql`select id from gateways order by id`)).map(
    (r) => r.id,
  )
  const gatewayPath = (n: number) => `/api/gateways/${gatewayIds[n % gatewayIds.length]}`

  let failures = 0
  /** p95 (ms) of one client's back-to-back GETs of `path(n)` for DURATION_MS. */
  const httpP95 = async (path: (n: number) => string) => {
    const result = await getP95(api, path, DURATION_MS)
    failures += result.failures
    return result.p95
  }
  /** p95 (ms) of `samples` runs of `query(n)`, one after the other. */
  const queryP95 = async (samples: number, query: (n: number) => Promise<unknown>) => {
    const times: number[] = []
    for (let n = 0; n < samples; n++) {
      const t0 = performance.now()
      await query(n)
      times.push(performance.now() - t0)
    }
    return percentile(
      times.sort((a, b) => a - b),
      0.95,
    )
  }

  const rows = []
  for (const figure of [
    {
      measure: 'GET /api/fleet/overview',
      path: () => '/api/fleet/overview',
      reference: () => queryP95(REFERENCE_SAMPLES.overview, () => rawUptimeReference.overview(api.db)),
    },
    {
      measure: 'GET /api/gateways/:id',
      path: gatewayPath,
      reference: () =>
        queryP95(REFERENCE_SAMPLES.gateway, (n) =>
          rawUptimeReference.gateway(api.db, gatewayIds[n % gatewayIds.length] as number),
        ),
    },
  ]) {
    await httpP95(figure.path) // warm-up: caches, prepared statements
    const load = machineLoad()
    const p95 = spreadOf(await measureRuns(() => httpP95(figure.path)))
    const reference = spreadOf(await measureRuns(figure.reference))
    rows.push({
      measure: `${figure.measure} p95 (${SHAPE.gateways} gateways × ${SHAPE.days} days, 1 client, ${BENCH_RUNS} runs of ${DURATION_MS / 1000} s)`,
      'min / median / max': formatSpread(p95, 'ms'),
      'reference: the raw-probe queries before rollups (SQL only)': formatSpread(reference, 'ms'),
      machine: load,
      target: `≤ ${TARGET_P95_MS} ms`,
      result: p95.median <= TARGET_P95_MS && failures === 0 ? 'ok' : `MISSED (${failures} failed)`,
    })
  }
  console.table(rows)
} finally {
  await api.stop()
}
