// npm run bench: sweeps of 10,000 gateways on loopback (7,000 healthy fakes answering hello in
// ≈10 ms with a ≈24 KB hello-ok, 1,500 refused ports, 1,500 black holes; the fakes in a process of
// their own) through two worker processes sharing the queue, 5 s probe deadline, after a warm-up
// sweep (the sweep then starts the gateways that timed out before first): the sweep's wall time,
// each worker's peak RSS and share of the probes (counted by its own mc_probes_total), wrong
// statuses. Each figure BENCH_RUNS times, printed as min / median / max; the reference, measured
// first in the same run: one worker process sweeping the same fleet.
import { once } from 'node:events'
import { freePort } from '@mc/local-stack'
import { probeGateway } from '@mc/openclaw'
import { benchScale, formatSpread, machineLoad, measureRuns, spreadOf } from '@mc/testing/bench-runs'
import { cpuTimeMs, residentMb } from '@mc/testing/process-usage'
import { Scrape } from '@mc/testing/prometheus-text'
import { startBenchStack } from './support/bench-stack.ts'
import { closedPorts, createFleetSweeper, registerFleet, wrongStatuses } from './support/fleet-sweep.ts'
import { machineBusyMs, machineCores } from './support/machine-cpu.ts'

const HEALTHY = benchScale(7000, 70)
const REFUSED = benchScale(1500, 15)
const BLACKHOLED = benchScale(1500, 15)
const TIMEOUT_MS = benchScale(5000, 2000)
const HELLO_DELAY_MS = 10
// ≈24 KB hello-ok frames, like a busy real gateway's.
const HELLO_PRESENCE = 80
const SWEEP_TARGET_S = (1.3 * TIMEOUT_MS) / 1000
const RSS_TARGET_MB = 300
/** Healthy probes this process runs itself, this many at once, for the CPU floor of one probe. */
const FLOOR_PROBES = benchScale(2000, 50)
const FLOOR_CONCURRENCY = 16
const TOKEN = 'bench-token'

/**
 * What a healthy probe costs at the least: the protocol client alone (no queue, database or events)
 * in this process, and the fake's side of the same handshake, CPU ms per probe.
 */
async function probeCpuFloor(ports: number[], fakesPid: number) {
  const probe = async (count: number) => {
    let next = 0
    const one = async () => {
      for (; next < count; ) {
        const port = ports[next++ % ports.length] ?? 0
        const reading = await probeGateway(
          { host: '127.0.0.1', port, token: TOKEN },
          { timeoutMs: TIMEOUT_MS, clientVersion: 'bench' },
        )
        if (reading.status !== 'online') throw new Error(`floor probe: ${reading.error}`)
      }
    }
    await Promise.all(Array.from({ length: FLOOR_CONCURRENCY }, one))
  }
  await probe(FLOOR_PROBES / 4)
  const cpu = process.cpuUsage()
  const fakesBefore = cpuTimeMs(fakesPid)
  await probe(FLOOR_PROBES)
  const used = process.cpuUsage(cpu)
  return {
    clientMs: (used.user + used.system) / 1000 / FLOOR_PROBES,
    fakeMs: (cpuTimeMs(fakesPid) - fakesBefore) / FLOOR_PROBES,
  }
}

/** How many probes the worker serving metrics on `port` has run since it started. */
async function probesRun(port: number): Promise<number> {
  const scrape = new Scrape(await (await fetch(`http://127.0.0.1:${port}/metrics`)).text())
  return scrape.matching('mc_probes_total').reduce((sum, series) => sum + series.value, 0)
}

/**
 * Resolves once the worker serving metrics on `port` answers: a worker that just went leaves its
 * heartbeat fresh for a while, so `startWorker` may return before its successor is up.
 */
async function metricsServed(port: number): Promise<void> {
  for (;;) {
    try {
      return void (await probesRun(port))
    } catch {
      await new Promise((r) => setTimeout(r, 100))
    }
  }
}

async function main() {
  process.stdout.write(`starting ${HEALTHY + BLACKHOLED} fake gateways in their own process…\n`)
  const stack = await startBenchStack('sweep-scale', {
    healthy: HEALTHY,
    blackholes: BLACKHOLED,
    token: TOKEN,
    helloDelayMs: HELLO_DELAY_MS,
    helloPresence: HELLO_PRESENCE,
  })
  const { db, cipher, redis, prefix, fleet: fakes } = stack
  const sweeper = createFleetSweeper(db, redis, prefix)
  const workerEnv = async () => ({
    PROBE_TIMEOUT_MS: String(TIMEOUT_MS),
    PROBE_INTERVAL_S: '3600',
    ALERT_TICK_S: '3600',
    // The probes alone: watchers (a connection held to every gateway) are measured by session-watchers.ts.
    WATCHERS_ENABLED: 'false',
    WORKER_METRICS_PORT: String(await freePort()),
  })

  try {
    const kindOf = await registerFleet(db, cipher, TOKEN, [
      ...fakes.healthyPorts.map((port) => ({ kind: 'healthy' as const, port })),
      ...(await closedPorts(REFUSED)).map((port) => ({ kind: 'refused' as const, port })),
      ...fakes.blackholePorts.map((port) => ({ kind: 'blackholed' as const, port })),
    ])
    const total = kindOf.size

    // The reference: one worker alone, after its own warm-up sweep; then it goes.
    const alone = await stack.startWorker(await workerEnv())
    await sweeper.sweep('alone-warm-up')
    let started = performance.now()
    await sweeper.sweep('alone')
    const aloneS = (performance.now() - started) / 1000
    const aloneWrong = await wrongStatuses(db, kindOf, 'one worker')
    alone.kill('SIGTERM')
    await once(alone, 'exit')

    const envs = [await workerEnv(), await workerEnv()]
    const workers = [await stack.startWorker(envs[0] ?? {}), await stack.startWorker(envs[1] ?? {})]
    const metricsPorts = envs.map((env) => Number(env.WORKER_METRICS_PORT))
    await Promise.all(metricsPorts.map(metricsServed))
    await sweeper.sweep('warm-up')
    const sweepsS: number[] = []
    const wrongCounts: number[] = []
    const shares: number[][] = []
    const cpuPerProbe: number[][] = []
    const machineBusy: number[] = []
    const fakesCpuPerHandshake: number[] = []
    await measureRuns(async (run) => {
      const probesBefore = await Promise.all(metricsPorts.map(probesRun))
      const cpuBefore = workers.map((worker) => cpuTimeMs(worker.pid ?? 0))
      const fakesCpuBefore = cpuTimeMs(fakes.pid)
      const busyBefore = machineBusyMs()
      started = performance.now()
      await sweeper.sweep(String(run))
      const wallMs = performance.now() - started
      sweepsS.push(wallMs / 1000)
      machineBusy.push((machineBusyMs() - busyBefore) / (wallMs * machineCores))
      fakesCpuPerHandshake.push((cpuTimeMs(fakes.pid) - fakesCpuBefore) / HEALTHY)
      const probes = (await Promise.all(metricsPorts.map(probesRun))).map(
        (n, i) => n - (probesBefore[i] ?? 0),
      )
      const probed = probes.reduce((a, b) => a + b, 0)
      shares.push(probes.map((n) => n / probed))
      cpuPerProbe.push(
        workers.map((worker, i) => (cpuTimeMs(worker.pid ?? 0) - (cpuBefore[i] ?? 0)) / (probes[i] || 1)),
      )
      wrongCounts.push(await wrongStatuses(db, kindOf, `run ${run}`))
      return sweepsS.at(-1) ?? 0
    })
    const rss = workers.map((worker) => residentMb(worker.pid ?? 0).peak)
    const load = machineLoad()
    const floor = await probeCpuFloor(fakes.healthyPorts, fakes.pid)
    const floorCpuS = (HEALTHY * (floor.clientMs + floor.fakeMs)) / 1000

    const target = (ok: boolean) => (ok ? 'ok' : 'MISSED')
    const sweepSpread = spreadOf(sweepsS)
    const perWorker = (values: number[][], format: (value: number) => string) =>
      workers.map((_, i) => values.map((run) => format(run[i] ?? 0)).join(' / ')).join('; ')
    console.table([
      {
        measure: `sweep of ${total.toLocaleString('en')} gateways (${HEALTHY} healthy, ${REFUSED} refused, ${BLACKHOLED} black holes), ${TIMEOUT_MS / 1000} s deadline, two worker processes (wall time)`,
        value: formatSpread(sweepSpread, 's', 2),
        reference: `deadline ${TIMEOUT_MS / 1000} s; one worker alone: ${aloneS.toFixed(2)} s (${aloneWrong} wrong)`,
        target: `≤ ${SWEEP_TARGET_S} s`,
        result: target(sweepSpread.max <= SWEEP_TARGET_S),
      },
      {
        measure: 'share of the probes each worker ran, per run',
        value: perWorker(shares, (share) => `${(share * 100).toFixed(0)} %`),
        reference: '',
        target: '—',
        result: '',
      },
      {
        measure: 'worker CPU time per probe it ran, per run',
        value: perWorker(cpuPerProbe, (ms) => `${ms.toFixed(2)} ms`),
        reference: '',
        target: '—',
        result: '',
      },
      {
        measure: 'the fakes’ CPU time per healthy handshake (their own process)',
        value: formatSpread(spreadOf(fakesCpuPerHandshake), 'ms', 2),
        reference: '',
        target: '—',
        result: '',
      },
      {
        measure: `the machine’s CPU busy during the sweep (every process), share of its ${machineCores} cores`,
        value: formatSpread(spreadOf(machineBusy.map((share) => share * 100)), '%'),
        reference: '',
        target: '—',
        result: '',
      },
      {
        measure: `CPU floor of a healthy probe: the protocol client alone (no queue, database, events; ${FLOOR_CONCURRENCY} at once, in the bench process) + the fake’s side`,
        value: `${floor.clientMs.toFixed(2)} ms + ${floor.fakeMs.toFixed(2)} ms`,
        reference: `${HEALTHY} healthy probes need ≥ ${floorCpuS.toFixed(1)} CPU s; ${machineCores} cores give ${(machineCores * SWEEP_TARGET_S).toFixed(1)} in ${SWEEP_TARGET_S} s`,
        target: '—',
        result: '',
      },
      {
        measure: 'each worker’s peak RSS',
        value: rss.map((mb) => `${mb} MB`).join(' / '),
        reference: '',
        target: `≤ ${RSS_TARGET_MB} MB each`,
        result: target(rss.every((mb) => mb <= RSS_TARGET_MB)),
      },
      {
        measure: 'wrong statuses per sweep',
        value: wrongCounts.join(' / '),
        reference: `of ${total}`,
        target: '0',
        result: target(wrongCounts.every((n) => n === 0)),
      },
    ])
    console.log(`${sweepsS.length} runs, min / median / max; ${load}`)
  } finally {
    await sweeper.close()
    await stack.stop()
  }
}

await main()
