// npm run bench: one real worker process watching 1,000 healthy fake gateways (in a process of their
// own) with 50 sessions each, all with a token: from the worker's start (process spawn) to every
// gateway's watcher having finished its first full load (gateway_watchers.loaded_at set) and
// gateway_sessions holding every session, polling the database every 200 ms; the worker's RSS then,
// and its RSS and CPU at rest over one PROBE_INTERVAL_S (default 30 s) after the load and the first
// probe sweep. The window holds one of everything periodic a worker does in service: one probe sweep
// of the 1,000 gateways, four watcher-pool ticks, two session-state sweeps and each fake's tick and
// health events on every connection. Beside it, the same window of a worker with WATCHERS_ENABLED
// off, so the watchers' own share shows. Each run starts a fresh worker on an emptied
// gateway_sessions and gateway_watchers; BENCH_RUNS runs, min / median / max. At the end of each run,
// one new session on each of 100 gateways at once: from its creation on the fake to the
// `session.changed` event naming it on the run's event channel (what browsers get), p95.
import { schema } from '@mc/db'
import {
  benchScale,
  formatSpread,
  machineLoad,
  measureRuns,
  percentile,
  type Spread,
  spreadOf,
} from '@mc/testing/bench-runs'
import { residentMb } from '@mc/testing/process-usage'
import { sql } from 'drizzle-orm'
import { workerConfigSchema } from '../src/config.ts'
import { startBenchStack } from './support/bench-stack.ts'
import { subscribeToEvents } from './support/event-subscription.ts'
import { pollUntil } from './support/poll-until.ts'
import { stopWorker, usageAtRest } from './support/worker-usage.ts'

const GATEWAYS = benchScale(1000, 10)
const SESSIONS_EACH = benchScale(50, 5)
// The worker's default: probes run as in service, and the rest window is one interval long (short
// under BENCH_SMOKE, which only shows that the bench runs).
const PROBE_INTERVAL_S = benchScale(workerConfigSchema.shape.PROBE_INTERVAL_S.parse(undefined), 5)
const REST_MS = PROBE_INTERVAL_S * 1000
const POLL_MS = 200
/** Past this, the load counts as never. */
const PATIENCE_MS = 5 * 60_000
const RSS_TARGET_MB = 400
const NEW_SESSIONS = benchScale(100, 5)
/** The promise: a new session shows without waiting for a probe interval. */
const NEW_SESSION_TARGET_MS = 2000
const TOKEN = 'bench-token'

interface Progress {
  loaded: number
  sessions: number
  probed: number
}

async function main() {
  process.stdout.write(`starting ${GATEWAYS} fake gateways with ${SESSIONS_EACH} sessions each…\n`)
  const stack = await startBenchStack('watchers', {
    healthy: GATEWAYS,
    blackholes: 0,
    token: TOKEN,
    helloDelayMs: 0,
    // ≈24 KB hello-ok frames, like a busy real gateway's: each watcher's connection gets one.
    helloPresence: 80,
    sessionsEach: SESSIONS_EACH,
  })
  const { db, cipher, fleet } = stack
  const sessionsTotal = GATEWAYS * SESSIONS_EACH

  /** Watchers done with their first load, stored sessions, and gateways probed since `since`. */
  const progress = async (since: Date): Promise<Progress> => {
    const [row] = await db.execute<{ loaded: number; sessions: number; probed: number }>(sql`
      select (select count(*)::int from gateway_watchers where loaded_at is not null) as loaded,
             (select count(*)::int from gateway_sessions) as sessions,
             (select count(*)::int from gateways where last_probe_at >= ${since.toISOString()}) as probed`)
    return row ?? { loaded: 0, sessions: 0, probed: 0 }
  }
  const until = (what: string, since: Date, startedAt: number, done: (p: Progress) => boolean) =>
    pollUntil(what, startedAt, () => progress(since), done, { everyMs: POLL_MS, patienceMs: PATIENCE_MS })

  /** p95 (ms) from a new session's creation on its fake to the event announcing it. */
  const newSessionP95 = async () => {
    const events = await subscribeToEvents(stack.redis, stack.prefix)
    try {
      const created = await fleet.createSessions(NEW_SESSIONS)
      const heardAt = new Map<string, number>()
      const started = performance.now()
      while (heardAt.size < created.length) {
        for (const { at, event } of events.heard.splice(0)) {
          if (event.type !== 'session.changed') continue
          for (const session of event.sessions) heardAt.set(session.key, performance.timeOrigin + at)
        }
        if (performance.now() - started > PATIENCE_MS) throw new Error('new sessions: not all announced')
        await new Promise((r) => setTimeout(r, 50))
      }
      const latencies = created.map((session) => (heardAt.get(session.key) ?? Number.NaN) - session.at)
      return percentile(
        latencies.sort((a, b) => a - b),
        0.95,
      )
    } finally {
      events.close()
    }
  }

  try {
    await db.insert(schema.gateways).values(
      fleet.healthyPorts.map((port, i) => ({
        name: `bench-${i}`,
        host: '127.0.0.1',
        port,
        token: cipher.encrypt(TOKEN),
      })),
    )
    const loadsS: number[] = []
    const loadedRss: number[] = []
    const restRss: number[] = []
    const peakRss: number[] = []
    const restCpu: number[] = []
    const newSessionMs: number[] = []
    await measureRuns(async (run) => {
      await db.execute(sql`truncate gateway_sessions, gateway_watchers`)
      const since = new Date()
      const started = performance.now()
      const worker = await stack.startWorker({ PROBE_INTERVAL_S: String(PROBE_INTERVAL_S) })
      const pid = worker.pid ?? 0
      const loadMs = await until(
        'the first full load',
        since,
        started,
        (p) => p.loaded >= GATEWAYS && p.sessions >= sessionsTotal,
      )
      loadsS.push(loadMs / 1000)
      loadedRss.push(residentMb(pid).now)
      await until('the first probe sweep', since, started, (p) => p.probed >= GATEWAYS)
      const { worker: rest } = await usageAtRest({ worker: pid }, REST_MS)
      restCpu.push(rest.cpuPercent)
      restRss.push(rest.rss.now)
      peakRss.push(rest.rss.peak)
      newSessionMs.push(await newSessionP95())
      console.log(
        `run ${run}: loaded in ${(loadMs / 1000).toFixed(2)} s, at rest ${rest.cpuPercent.toFixed(1)} % CPU, ${rest.rss.now} MB, new session announced p95 ${Math.round(newSessionMs.at(-1) ?? 0)} ms`,
      )
      await stopWorker(worker)
      return loadMs
    })

    // The same worker without watchers: what probing alone costs at rest.
    const since = new Date()
    const started = performance.now()
    const bare = await stack.startWorker({
      PROBE_INTERVAL_S: String(PROBE_INTERVAL_S),
      WATCHERS_ENABLED: 'false',
    })
    await until('the first probe sweep without watchers', since, started, (p) => p.probed >= GATEWAYS)
    const { bare: bareRest } = await usageAtRest({ bare: bare.pid ?? 0 }, REST_MS)
    await stopWorker(bare)

    const load = machineLoad()
    const result = (ok: boolean) => (ok ? 'ok' : 'MISSED')
    const mb = (spread: Spread) => formatSpread(spread, 'MB')
    const scale = `${GATEWAYS.toLocaleString('en')} gateways × ${SESSIONS_EACH} sessions`
    console.table([
      {
        measure: `${scale}: worker start → every watcher loaded, all ${sessionsTotal.toLocaleString('en')} sessions stored`,
        'min / median / max': formatSpread(spreadOf(loadsS), 's', 2),
        reference: `polled every ${POLL_MS} ms; includes process start and migrations`,
        machine: load,
        target: '—',
        result: '',
      },
      {
        measure: 'worker RSS right after the load',
        'min / median / max': mb(spreadOf(loadedRss)),
        reference: '',
        machine: '',
        target: `≤ ${RSS_TARGET_MB} MB`,
        result: result(Math.max(...loadedRss) <= RSS_TARGET_MB),
      },
      {
        measure: `worker RSS at rest (after ${REST_MS / 1000} s) / peak since start`,
        'min / median / max': `${mb(spreadOf(restRss))} / peak ${mb(spreadOf(peakRss))}`,
        reference: `without watchers: ${bareRest.rss.now} MB / peak ${bareRest.rss.peak} MB`,
        machine: '',
        target: `≤ ${RSS_TARGET_MB} MB`,
        result: result(Math.max(...restRss, ...peakRss) <= RSS_TARGET_MB),
      },
      {
        measure: `worker CPU at rest over ${REST_MS / 1000} s (one probe sweep, 4 pool ticks, fake ticks), % of one core`,
        'min / median / max': formatSpread(spreadOf(restCpu), '%', 1),
        reference: `without watchers (probes only): ${bareRest.cpuPercent.toFixed(1)} %`,
        machine: '',
        // None given; the reference shows the watchers' own share.
        target: '—',
        result: '',
      },
      {
        measure: `a new session on each of ${NEW_SESSIONS} gateways at once → its session.changed event, p95`,
        'min / median / max': formatSpread(spreadOf(newSessionMs), 'ms'),
        reference: `probe interval: ${PROBE_INTERVAL_S} s`,
        machine: '',
        target: `≤ ${NEW_SESSION_TARGET_MS} ms`,
        result: result(spreadOf(newSessionMs).median <= NEW_SESSION_TARGET_MS),
      },
    ])
    console.log(`${loadsS.length} runs, each a fresh worker on emptied session tables; ${load}`)
  } finally {
    await stack.stop()
  }
}

await main()
