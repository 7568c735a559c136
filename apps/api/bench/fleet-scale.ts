// npm run bench: the read paths of a 10,000-gateway fleet through the real api process: the
// Overview, the 24 h uptime of every gateway (its SQL alone too), the Gateway Manager's pages and the
// seed's full list. 24 h of probes every 30 s (28.8 M raw rows), their hourly rollups, the running
// probe totals and their snapshots, written directly. Each figure is the p95 of one client's
// back-to-back requests, in BENCH_RUNS runs; the references are the exact 24 h window the totals
// replace (rollups and raw probes) and the raw-probe scan before it, timed on the same data.

import { findWindowSnapshot, uptime24hByGateway, uptime24hFromProbes } from '@mc/db'
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
/** The exact window reads an hour or two of every gateway's raw probes, the raw scan all of them. */
const REFERENCE_DURATION_MS = benchScale(5000, 200)
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

  if ((await findWindowSnapshot(api.db, sql.raw(`interval '24 hours'`))) === null)
    throw new Error('no probe total snapshot starts the 24 h window: the bench would time the fallback')

  let failures = 0
  const exactWindow = spreadOf(
    await measureRuns(() => sqlP95(REFERENCE_DURATION_MS, () => uptime24hFromProbes(api.db))),
  )
  const rawScan = spreadOf(await measureRuns(() => sqlP95(0, () => rawUptimeReference.overview(api.db))))
  const uptimeReference = `the exact window (uptime24hFromProbes, rollups + raw probes): ${formatSpread(exactWindow, 'ms')}; the raw-probe scan: ${formatSpread(rawScan, 'ms')}`
  const figures = [
    { measure: 'GET /api/fleet/overview', path: '/api/fleet/overview', reference: uptimeReference },
    {
      measure: '24 h uptime of every gateway, SQL alone (uptime24hByGateway, totals less a snapshot)',
      sql: () => uptime24hByGateway(api.db),
      reference: uptimeReference,
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
    const target = figure.target ?? TARGET_P95_MS
    rows.push({
      measure: `${figure.measure} p95 (${SHAPE.gateways} gateways × ${(SHAPE.days * 86_400) / SHAPE.intervalS} probes, 1 client, ${BENCH_RUNS} runs of ${DURATION_MS / 1000} s)`,
      'min / median / max': formatSpread(p95, 'ms'),
      'reference (SQL alone)': figure.reference ?? '—',
      machine: load,
      target: `≤ ${target} ms`,
      result: p95.median <= target && failures === 0 ? 'ok' : `MISSED (${failures} failed)`,
    })
  }
  console.table(rows)

  // The totals' window starts up to 5 minutes before the raw probes' (the seeded rollups are made
  // up, not computed from them): how far apart the figures are.
  const raw = await rawUptimeReference.overview(api.db)
  const exact = new Map(raw.map((row) => [Number(row.id), row.uptime === null ? null : Number(row.uptime)]))
  const differences = (await uptime24hByGateway(api.db)).map((row) =>
    Math.abs((row.uptime24h ?? 0) - (exact.get(row.gatewayId) ?? 0)),
  )
  console.log(
    `24 h uptime from the totals vs the raw probes' last 24 h: ${differences.filter((d) => d >= 0.01).length} of ${differences.length} gateways differ, by at most ${Math.max(0, ...differences).toFixed(2)} points`,
  )
} finally {
  await api.stop()
}
