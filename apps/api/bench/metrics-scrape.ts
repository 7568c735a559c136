// npm run bench: `GET /metrics` through the real api process with 1,000 gateways that have been
// probed (three in four of them failing by now). Each run is SCRAPES back-to-back scrapes of one
// client, as Prometheus does; the figure is their p95, with the p50 and the slowest beside it.
import { seedProbedFleet } from '@mc/db/testing'
import {
  BENCH_RUNS,
  benchScale,
  formatSpread,
  machineLoad,
  measureRuns,
  percentile,
  spreadOf,
} from '@mc/testing/bench-runs'
import { Scrape } from '@mc/testing/prometheus-text'
import { startBenchApi } from './support/bench-api.ts'

const GATEWAYS = benchScale(1000, 50)
const SCRAPES = benchScale(200, 10)
const WARM_UP = 20
const TARGET_P95_MS = 100

const api = await startBenchApi('metrics')
try {
  await seedProbedFleet(api.db, GATEWAYS, 'gw')

  let failures = 0
  let body = ''
  const scrape = async () => {
    const t0 = performance.now()
    const res = await fetch(`http://127.0.0.1:${api.port}/metrics`, { headers: { 'x-api-key': api.key } })
    body = await res.text()
    if (res.status !== 200) failures += 1
    return performance.now() - t0
  }
  for (let n = 0; n < WARM_UP; n++) await scrape()

  const all: number[] = []
  const load = machineLoad()
  const p95s = await measureRuns(async () => {
    const times: number[] = []
    for (let n = 0; n < SCRAPES; n++) times.push(await scrape())
    all.push(...times)
    return percentile(
      times.sort((a, b) => a - b),
      0.95,
    )
  })
  all.sort((a, b) => a - b)
  const parsed = new Scrape(body)
  const p95 = spreadOf(p95s)
  console.table([
    {
      measure: `GET /metrics p95 (${GATEWAYS} gateways, 1 client, ${BENCH_RUNS} runs of ${SCRAPES} scrapes)`,
      'min / median / max': formatSpread(p95, 'ms', 1),
      'p50 / max of all scrapes': `${percentile(all, 0.5).toFixed(1)} / ${(all.at(-1) ?? Number.NaN).toFixed(1)} ms`,
      scrape: `${parsed.series.length} series, ${(body.length / 1024).toFixed(0)} KiB`,
      machine: load,
      target: `≤ ${TARGET_P95_MS} ms`,
      result: p95.median <= TARGET_P95_MS && failures === 0 ? 'ok' : `MISSED (${failures} failed)`,
    },
  ])
} finally {
  await api.stop()
}
