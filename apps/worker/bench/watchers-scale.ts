// npm run bench: 10,000 healthy fake gateways (2 sessions each, all with a token) watched by two
// real worker processes side by side, PROBE_INTERVAL_S = 30 (the default; why not less: see
// PROBE_INTERVAL_S below). Each run: both workers spawned at once
// → every gateway loaded (gateway_watchers: status `watching`, loaded_at set) by the worker holding
// its lease in Redis, that worker being the one rendezvous hashing picks of the two; the lease split
// (larger share / smaller share); both workers' RSS and CPU at rest over one probe interval, and
// the gateways not watched by exactly one of them after it; then `kill -9` of one worker → the
// survivor holds every lease and has loaded every gateway. Polled every 500 ms. Beside them, in the
// same run, one worker alone on the same fleet: load time, RSS and CPU at rest. BENCH_RUNS runs.
// The workers run with DB_POOL_MAX=20; the fakes in processes of 4,000 each (open-file limit).
import type { ChildProcess } from 'node:child_process'
import { schema } from '@mc/db'
import { type FakeFleet, startFakeFleet } from '@mc/openclaw/fake'
import { benchScale, formatSpread, machineLoad, measureRuns, spreadOf } from '@mc/testing/bench-runs'
import { residentMb } from '@mc/testing/process-usage'
import { sql } from 'drizzle-orm'
import { rendezvousOwner } from '../src/watchers/rendezvous.ts'
import { watcherLeaseKey } from '../src/watchers/watcher-leases.ts'
import { startBenchStack } from './support/bench-stack.ts'
import { pollUntil } from './support/poll-until.ts'
import { type RestUsage, stopWorker, usageAtRest } from './support/worker-usage.ts'

const GATEWAYS = benchScale(10_000, 20)
const SESSIONS_EACH = 2
/**
 * The default. The workers probe every gateway once an interval, and a sweep of 10,000 gateways took
 * two workers on these 2 cores 15 s with nothing else to do (`probe-sweep-scale.ts`): at 10 s their
 * probes alone would need more CPU than the machine has, watchers or not. The rest window is one
 * interval.
 */
const PROBE_INTERVAL_S = benchScale(30, 5)
const REST_MS = benchScale(PROBE_INTERVAL_S * 1000, 2000)
const TAKEOVER_TARGET_MS = 2 * PROBE_INTERVAL_S * 1000
/** "Balanced within 10 %": the larger share is at most 1.1 × the smaller one. */
const BALANCE_TARGET = 1.1
/**
 * Fakes per fleet process: each fake holds a listening socket and a watcher's connection (plus
 * probes'), and a process may open 20,000 files here.
 */
const FAKES_PER_FLEET = 4000
/**
 * Thousands of watchers starting at once share batched statements behind one pool: a worker alone
 * loaded 5,000 of these gateways in 15 s with the default 5 connections, in 11 s with 20.
 */
const DB_POOL_MAX = 20
/** A poll reads every lease and watcher row (10,000 each): the bench's own reads stay light. */
const POLL_MS = benchScale(500, 250)
const PATIENCE_MS = 5 * 60_000
const LEASE_READS_AT_ONCE = 1000
const TOKEN = 'bench-token'

/** Per gateway: the worker holding its lease, and the worker whose watcher has loaded it. */
interface Snapshot {
  holders: (string | null)[]
  loadedBy: (string | undefined)[]
}

async function main() {
  process.stdout.write(
    `starting ${GATEWAYS} fake gateways with ${SESSIONS_EACH} sessions each; PROBE_INTERVAL_S=${PROBE_INTERVAL_S}…\n`,
  )
  const fleetSizes = Array.from({ length: Math.ceil(GATEWAYS / FAKES_PER_FLEET) }, (_, i) =>
    Math.min(FAKES_PER_FLEET, GATEWAYS - i * FAKES_PER_FLEET),
  )
  const fakes = (healthy: number) => ({
    healthy,
    blackholes: 0,
    token: TOKEN,
    helloDelayMs: 0,
    helloPresence: 80,
    sessionsEach: SESSIONS_EACH,
  })
  const stack = await startBenchStack('watchers-scale', fakes(fleetSizes[0] ?? 0))
  const extraFleets: FakeFleet[] = []
  const { db, cipher, redis, prefix } = stack
  const workerEnv = (id: string) => ({
    PROBE_INTERVAL_S: String(PROBE_INTERVAL_S),
    WORKER_ID: id,
    DB_POOL_MAX: String(DB_POOL_MAX),
  })

  const snapshot = async (ids: number[]): Promise<Snapshot> => {
    const holders: (string | null)[] = []
    for (let start = 0; start < ids.length; start += LEASE_READS_AT_ONCE) {
      const keys = ids.slice(start, start + LEASE_READS_AT_ONCE).map((id) => watcherLeaseKey(prefix, id))
      holders.push(...(await redis.mget(keys)))
    }
    const rows = await db.execute<{ gateway_id: number; worker_id: string }>(sql`
      select gateway_id, worker_id from gateway_watchers where status = 'watching' and loaded_at is not null`)
    const loaded = new Map(rows.map((row) => [row.gateway_id, row.worker_id]))
    return { holders, loadedBy: ids.map((id) => loaded.get(id)) }
  }
  /** Gateways not watched by exactly the worker rendezvous picks among `workers`: leased to it and loaded by it. */
  const misplaced = (ids: number[], workers: string[], { holders, loadedBy }: Snapshot) =>
    ids.filter((id, i) => {
      const owner = rendezvousOwner(id, workers)
      return holders[i] !== owner || loadedBy[i] !== owner
    }).length
  const settled = (what: string, ids: number[], workers: string[], startedAt: number) =>
    pollUntil(
      what,
      startedAt,
      async () => misplaced(ids, workers, await snapshot(ids)),
      (left) => left === 0,
      { everyMs: POLL_MS, patienceMs: PATIENCE_MS },
    )
  /** Workers spawned at once on emptied watcher tables; ms until they watch every gateway. */
  const startWorkers = async (ids: number[], workerIds: string[]) => {
    await db.execute(sql`truncate gateway_sessions, gateway_watchers`)
    const startedAt = performance.now()
    const workers = await Promise.all(workerIds.map((id) => stack.startWorker(workerEnv(id))))
    const loadMs = await settled('the first load', ids, workerIds, startedAt)
    return { workers, loadMs }
  }
  const pidOf = (worker: ChildProcess) => worker.pid ?? 0

  try {
    for (const size of fleetSizes.slice(1)) extraFleets.push(await startFakeFleet(fakes(size)))
    const ports = [stack.fleet, ...extraFleets].flatMap((fleet) => fleet.healthyPorts)
    const inserted = await db
      .insert(schema.gateways)
      .values(
        ports.map((port, i) => ({
          name: `bench-${i}`,
          host: '127.0.0.1',
          port,
          token: cipher.encrypt(TOKEN),
        })),
      )
      .returning({ id: schema.gateways.id })
    const ids = inserted.map((row) => row.id)

    const loadsS: number[] = []
    const ratios: number[] = []
    const shares: string[] = []
    const misplacedAtRest: number[] = []
    const rest: RestUsage[] = []
    const takeoversS: number[] = []
    const survivorRss: number[] = []
    await measureRuns(async (run) => {
      const names = [`run${run}-a`, `run${run}-b`]
      const { workers, loadMs } = await startWorkers(ids, names)
      loadsS.push(loadMs / 1000)
      const split = await snapshot(ids)
      const counts = names.map((name) => split.holders.filter((holder) => holder === name).length)
      ratios.push(Math.max(...counts) / Math.min(...counts))
      shares.push(counts.map((count) => `${((count / GATEWAYS) * 100).toFixed(1)} %`).join(' / '))
      const [a, b] = workers as [ChildProcess, ChildProcess]
      const usage = await usageAtRest({ a: pidOf(a), b: pidOf(b) }, REST_MS)
      rest.push(usage.a, usage.b)
      misplacedAtRest.push(misplaced(ids, names, await snapshot(ids)))

      const killedAt = performance.now()
      const exited = new Promise((resolve) => b.once('exit', resolve))
      b.kill('SIGKILL')
      await exited
      const takeoverMs = await settled('the takeover', ids, names.slice(0, 1), killedAt)
      takeoversS.push(takeoverMs / 1000)
      survivorRss.push(residentMb(pidOf(a)).now)
      console.log(
        `run ${run}: loaded in ${(loadMs / 1000).toFixed(1)} s, split ${shares.at(-1)}, at rest ${usage.a.rss.now} / ${usage.b.rss.now} MB, ${usage.a.cpuPercent.toFixed(0)} / ${usage.b.cpuPercent.toFixed(0)} % CPU; taken over in ${(takeoverMs / 1000).toFixed(1)} s`,
      )
      await stopWorker(a)
      return loadMs
    })

    // The reference: the same fleet, one worker.
    const single = await startWorkers(ids, ['alone'])
    const [alone] = single.workers as [ChildProcess]
    const { alone: aloneRest } = await usageAtRest({ alone: pidOf(alone) }, REST_MS)
    await stopWorker(alone)

    const load = machineLoad()
    const result = (ok: boolean) => (ok ? 'ok' : 'MISSED')
    const restRss = spreadOf(rest.map((usage) => usage.rss.now))
    const restPeak = spreadOf(rest.map((usage) => usage.rss.peak))
    const scale = `${GATEWAYS.toLocaleString('en')} gateways × ${SESSIONS_EACH} sessions, 2 workers`
    console.table([
      {
        measure: `${scale}: both spawned → every gateway loaded by its lease holder, the worker rendezvous picks`,
        'min / median / max': formatSpread(spreadOf(loadsS), 's', 1),
        reference: `one worker alone: ${(single.loadMs / 1000).toFixed(1)} s`,
        machine: load,
        target: '—',
        result: '',
      },
      {
        measure: 'lease split: larger share / smaller share',
        'min / median / max': formatSpread(spreadOf(ratios), '', 3),
        reference: `shares ${shares.join('; ')}`,
        machine: '',
        target: `≤ ${BALANCE_TARGET}`,
        result: result(Math.max(...ratios) <= BALANCE_TARGET),
      },
      {
        measure: `gateways not watched by exactly its lease holder after ${REST_MS / 1000} s at rest`,
        'min / median / max': formatSpread(spreadOf(misplacedAtRest), ''),
        reference: '',
        machine: '',
        target: '0',
        result: result(Math.max(...misplacedAtRest) === 0),
      },
      {
        measure: 'kill -9 of one worker → the survivor holds every lease and has loaded every gateway',
        'min / median / max': formatSpread(spreadOf(takeoversS), 's', 1),
        reference: `probe interval ${PROBE_INTERVAL_S} s (30 s, the default, at 10,000 gateways: at 10 s their probes alone outrun 2 cores)`,
        machine: '',
        target: `≤ ${TAKEOVER_TARGET_MS / 1000} s`,
        result: result(Math.max(...takeoversS) * 1000 <= TAKEOVER_TARGET_MS),
      },
      {
        measure: `each worker's RSS at rest (after ${REST_MS / 1000} s) / peak since start`,
        'min / median / max': `${formatSpread(restRss, 'MB')} / peak ${formatSpread(restPeak, 'MB')}`,
        reference: `one worker alone: ${aloneRest.rss.now} MB / peak ${aloneRest.rss.peak} MB`,
        machine: '',
        target: '—',
        result: '',
      },
      {
        measure: `each worker's CPU at rest over ${REST_MS / 1000} s (a probe sweep, 4 pool ticks), % of one core`,
        'min / median / max': formatSpread(spreadOf(rest.map((usage) => usage.cpuPercent)), '%', 1),
        reference: `one worker alone: ${aloneRest.cpuPercent.toFixed(1)} %`,
        machine: '',
        target: '—',
        result: '',
      },
      {
        measure: 'the survivor’s RSS right after the takeover',
        'min / median / max': formatSpread(spreadOf(survivorRss), 'MB'),
        reference: '',
        machine: '',
        target: '—',
        result: '',
      },
    ])
    console.log(`${loadsS.length} runs, each with fresh workers on emptied watcher tables; ${load}`)
  } finally {
    await stack.stop()
    await Promise.all(extraFleets.map((fleet) => fleet.stop()))
  }
}

await main()
