// npm run bench: a public status page (`GET /status/:slug`, HTML) and its JSON (`GET /api/status/:slug`)
// through the real api process, with 100 gateways on the page, 90 days of hourly rollups each, the
// last two hours of raw probes (not rolled up yet: read raw, as on a live install) and a few
// incidents. Each figure is the p95 of one client's back-to-back requests on loopback, in BENCH_RUNS runs,
// beside the page's read without the api's caches (its rolled-up days until the next rollup, its
// figures for a second), timed on the same data.
import { createStatusPage, readStatusPage } from '@mc/db'
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

const GATEWAYS = benchScale(100, 10)
const DAYS = 90
const DURATION_MS = benchScale(10_000, 1000)
const TARGET_P95_MS = 50
const REFERENCE_SAMPLES = benchScale(20, 2)
const SLUG = 'bench'

const api = await startBenchApi('status-page')
try {
  const started = performance.now()
  const log = (line: string) =>
    console.error(`[status-page bench] ${line} (${((performance.now() - started) / 1000).toFixed(0)} s)`)
  const { db } = api
  await db.execute(sql`
    insert into gateways (name, host, port, status, last_probe_at, last_error)
    select 'gw-' || g, 'gw-' || g || '.internal', 18789,
      case when g % 10 = 0 then 'offline' else 'online' end::gateway_status, now(),
      case when g % 10 = 0 then 'connect ECONNREFUSED' end
    from generate_series(1, ${GATEWAYS}::int) g`)
  // One rollup per complete hour of the 90 days (the newest ends at the current hour's start), a few
  // hours of each gateway with failures.
  await db.execute(sql`
    insert into gateway_probe_hourly (gateway_id, hour, probes, failures)
    select g.id, h.hour, 120, case when (extract(epoch from h.hour)::bigint / 3600 + g.id) % 97 = 0 then 30 else 0 end
    from generate_series(
      date_trunc('hour', now() - make_interval(days => ${DAYS})),
      date_trunc('hour', now()) - interval '2 hours',
      interval '1 hour'
    ) h(hour)
    cross join (select id from gateways) g`)
  // Raw probes every 30 s since the last rolled-up hour.
  await db.execute(sql`
    insert into gateway_probes (gateway_id, status, latency, probed_at)
    select g.id, case when g.id % 10 = 0 then 'offline' else 'online' end::gateway_status, 20,
      date_trunc('hour', now()) - interval '1 hour' + s * interval '30 seconds'
    from generate_series(0, 119) s cross join (select id from gateways) g
    where date_trunc('hour', now()) - interval '1 hour' + s * interval '30 seconds' <= now()`)
  await db.execute(sql`
    insert into incidents (rule_name, kind, severity, subject_type, subject_id, subject_name, status, summary,
      opened_at, resolved_at)
    select 'Gateway offline', 'gateway_down', 'critical', 'gateway', g.id, g.name,
      case when g.id % 20 = 0 then 'open' else 'resolved' end::incident_status, 'probe failed',
      now() - interval '3 days', case when g.id % 20 = 0 then null else now() - interval '2 days' end
    from gateways g where g.id % 10 = 0`)
  // As autovacuum keeps a live table, and so that it does not start during the measurements.
  for (const table of ['gateways', 'gateway_probe_hourly', 'gateway_probes', 'incidents']) {
    await db.execute(sql.raw(`vacuum analyze ${table}`))
  }
  const ids = (await db.execute<{ id: number }>(sql`select id from gateways order by id`)).map((r) =>
    Number(r.id),
  )
  await createStatusPage(db, {
    slug: SLUG,
    title: 'Bench status',
    description: '',
    gatewayIds: ids,
    public: true,
    showErrors: false,
  })
  log(`seeded ${GATEWAYS} gateways × ${DAYS} days of hourly rollups`)

  /**
   * The reference: the page's read alone (SQL and assembly, in this process) without the api's
   * caches, as the first request of a page after an api start or a rollup pays it.
   */
  const uncachedReadP95 = async () => {
    const times: number[] = []
    for (let n = 0; n < REFERENCE_SAMPLES; n++) {
      const t0 = performance.now()
      await readStatusPage(db, ids, { days: DAYS, incidentDays: 14, incidentLimit: 50 })
      times.push(performance.now() - t0)
    }
    return percentile(
      times.sort((a, b) => a - b),
      0.95,
    )
  }
  const reference = spreadOf(await measureRuns(uncachedReadP95))

  const rows = []
  for (const measure of [`/status/${SLUG}`, `/api/status/${SLUG}`]) {
    let failures = 0
    const p95 = async () => {
      const result = await getP95(api, () => measure, DURATION_MS)
      failures += result.failures
      return result.p95
    }
    await p95() // warm-up: caches, prepared statements
    const load = machineLoad()
    const spread = spreadOf(await measureRuns(p95))
    rows.push({
      measure: `GET ${measure} p95 (${GATEWAYS} gateways × ${DAYS} days, 1 client, ${BENCH_RUNS} runs of ${DURATION_MS / 1000} s)`,
      'min / median / max': formatSpread(spread, 'ms', 1),
      'reference: the read without caches (SQL + assembly)': formatSpread(reference, 'ms', 1),
      machine: load,
      target: `≤ ${TARGET_P95_MS} ms`,
      result: spread.median <= TARGET_P95_MS && failures === 0 ? 'ok' : `MISSED (${failures} failed)`,
    })
  }
  console.table(rows)
} finally {
  await api.stop()
}
