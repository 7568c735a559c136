// npm run bench: sweeps of 1,000 gateways on loopback (700 healthy fakes answering hello in ≈10 ms
// with a ≈24 KB hello-ok, 150 refused ports, 150 black holes; the fakes in a process of their own)
// through a real worker process with a 5 s probe deadline, after one warm-up sweep (as in service,
// the sweep then starts the gateways that timed out before first): the sweep's wall time, and the
// latency it recorded beside what the fakes themselves took to answer; and the same sweep with alerting
// on (a gateway_down rule over every gateway with a webhook channel to a receiver in this process, made
// just before the sweep: the 300 failing gateways open incidents in it and one grouped message goes
// out) beside it with alerting off (no rules), in turn in each run. Each figure BENCH_RUNS times,
// printed as min / median / max; plus probing one gateway at a time, the worker's CPU time per probe
// and peak RSS.
import { deleteAlertRule } from '@mc/db'
import { probeGateway } from '@mc/openclaw'
import {
  benchScale,
  formatSpread,
  machineLoad,
  measureRuns,
  percentile,
  spreadOf,
} from '@mc/testing/bench-runs'
import { cpuTimeMs, residentMb } from '@mc/testing/process-usage'
import { sql } from 'drizzle-orm'
import { startBenchStack } from './support/bench-stack.ts'
import {
  closedPorts,
  createFleetSweeper,
  type GatewayKind,
  registerFleet,
  wrongStatuses,
} from './support/fleet-sweep.ts'
import { createGatewayDownRule } from './support/webhook-alerting.ts'

const HEALTHY = benchScale(700, 35)
const REFUSED = benchScale(150, 8)
const BLACKHOLED = benchScale(150, 7)
const TIMEOUT_MS = benchScale(5000, 2000)
const HELLO_DELAY_MS = 10
// ≈24 KB hello-ok frames, like a busy real gateway's.
const HELLO_PRESENCE = 80
const SWEEP_TARGET_S = (1.2 * TIMEOUT_MS) / 1000
const LATENCY_TARGET_MS = 50
/** Alerting on may cost the sweep at most this much more wall time (ratio of medians). */
const ALERTING_RATIO_TARGET = 1.05
/** The grouped message follows the sweep by up to ALERT_GROUP_WAIT_S (default 10 s). */
const MESSAGE_PATIENCE_MS = 60_000
const TOKEN = 'bench-token'

const p95 = (values: number[]) =>
  percentile(
    [...values].sort((a, b) => a - b),
    0.95,
  )

async function main() {
  process.stdout.write(`starting ${HEALTHY + BLACKHOLED} fake gateways in their own process…\n`)
  const stack = await startBenchStack('sweep', {
    healthy: HEALTHY,
    blackholes: BLACKHOLED,
    token: TOKEN,
    helloDelayMs: HELLO_DELAY_MS,
    helloPresence: HELLO_PRESENCE,
  })
  const { db, cipher, redis, prefix, receiver, fleet: fleetOfFakes } = stack

  try {
    const refusedPorts = await closedPorts(REFUSED)
    const fleet: { kind: GatewayKind; port: number }[] = [
      ...fleetOfFakes.healthyPorts.map((port) => ({ kind: 'healthy' as const, port })),
      ...refusedPorts.map((port) => ({ kind: 'refused' as const, port })),
      ...fleetOfFakes.blackholePorts.map((port) => ({ kind: 'blackholed' as const, port })),
    ]

    const worker = await stack.startWorker({
      PROBE_TIMEOUT_MS: String(TIMEOUT_MS),
      PROBE_INTERVAL_S: '3600',
      // No alert tick during the runs: incidents open in the measured sweep, from its probes.
      ALERT_TICK_S: '3600',
    })
    // Let the scheduler's first (empty) tick pass before the fleet exists.
    await new Promise((r) => setTimeout(r, 1000))

    const kindOf = await registerFleet(db, cipher, TOKEN, fleet)
    const sweeper = createFleetSweeper(db, redis, prefix)
    const sweep = sweeper.sweep
    const pid = worker.pid ?? 0
    const sweepsS: number[] = []
    const alertingSweepsS: number[] = []
    const messagesPerAlertingSweep: number[] = []
    const cpu = { off: 0, on: 0 }
    const recordedP95: number[] = []
    const answeredP95: number[] = []
    const wrongCounts: number[] = []
    // A monitor has probed its fleet before: the warm-up sweep is that history.
    await sweep('warm-up')
    const failing = REFUSED + BLACKHOLED
    // Alerting on: a new rule, so that the failing gateways open their incidents in this sweep; then
    // the channel's one grouped message, and the rule deleted (resolving them) for the next run.
    const alertingSweep = async (run: number) => {
      const before = receiver.messages.length
      const rule = await createGatewayDownRule(db, receiver.channel.id)
      const cpuBefore = cpuTimeMs(pid)
      const started = performance.now()
      await sweep(`alerting-${run}`)
      alertingSweepsS.push((performance.now() - started) / 1000)
      cpu.on += cpuTimeMs(pid) - cpuBefore
      const told = () => receiver.messages.slice(before).flatMap((m) => m.payload.incidents).length
      const giveUpAt = performance.now() + MESSAGE_PATIENCE_MS
      while (told() < failing && performance.now() < giveUpAt) await new Promise((r) => setTimeout(r, 50))
      if (told() < failing) console.log(`run ${run}: ${told()} of ${failing} failing gateways told`)
      messagesPerAlertingSweep.push(receiver.messages.length - before)
      await deleteAlertRule(db, rule.id, 'bench')
    }
    await measureRuns(async (run) => {
      await fleetOfFakes.takeHelloAnswers()
      const cpuBefore = cpuTimeMs(pid)
      const started = performance.now()
      const since = await sweep(String(run))
      sweepsS.push((performance.now() - started) / 1000)
      cpu.off += cpuTimeMs(pid) - cpuBefore
      const recorded = await db.execute<{ latency: number }>(
        sql`select latency from gateway_probes where probed_at >= ${since.toISOString()} and status = 'online'`,
      )
      recordedP95.push(p95(recorded.map((row) => row.latency)))
      answeredP95.push(p95((await fleetOfFakes.takeHelloAnswers()).map((answer) => answer.ms)))
      wrongCounts.push(await wrongStatuses(db, kindOf, `run ${run}`))
      await alertingSweep(run)
      return sweepsS.at(-1) ?? 0
    })
    const cpuPerProbe = (ms: number) => (ms / (fleet.length * sweepsS.length)).toFixed(2)
    const rss = residentMb(pid).peak
    const load = machineLoad()
    await sweeper.close()

    // One at a time, on a sample in the same proportions (the full fleet would take ~13 minutes).
    const sample = [...fleet.slice(0, 14), ...fleet.slice(HEALTHY, HEALTHY + 3), ...fleet.slice(-3)]
    const sequentialStarted = performance.now()
    for (const g of sample) {
      await probeGateway(
        { host: '127.0.0.1', port: g.port, token: TOKEN },
        { timeoutMs: TIMEOUT_MS, clientVersion: 'bench' },
      )
    }
    const sequentialS = ((performance.now() - sequentialStarted) / 1000) * (fleet.length / sample.length)

    const target = (ok: boolean) => (ok ? 'ok' : 'MISSED')
    const sweepSpread = spreadOf(sweepsS)
    const alertingSpread = spreadOf(alertingSweepsS)
    const alertingRatio = alertingSpread.median / sweepSpread.median
    const latency = spreadOf(recordedP95)
    console.table([
      {
        measure: `sweep of ${(HEALTHY + REFUSED + BLACKHOLED).toLocaleString('en')} gateways, ${TIMEOUT_MS / 1000} s deadline (wall time)`,
        value: formatSpread(sweepSpread, 's', 2),
        reference: `deadline ${TIMEOUT_MS / 1000} s`,
        target: `≤ ${SWEEP_TARGET_S} s`,
        result: target(sweepSpread.max <= SWEEP_TARGET_S),
      },
      {
        measure: `the same sweep with alerting on: a gateway_down rule over every gateway, ${failing} incidents opened`,
        value: formatSpread(alertingSpread, 's', 2),
        reference: `alerting off (no rules): ${formatSpread(sweepSpread, 's', 2)}; median ratio ${alertingRatio.toFixed(3)}`,
        target: `ratio ≤ ${ALERTING_RATIO_TARGET}`,
        result: target(alertingRatio <= ALERTING_RATIO_TARGET),
      },
      {
        measure: 'webhook messages per alerting sweep (grouped)',
        value: messagesPerAlertingSweep.join(' / '),
        reference: `listing ${failing} gateways`,
        target: '1',
        result: target(messagesPerAlertingSweep.every((n) => n === 1)),
      },
      {
        measure: 'recorded handshake latency of healthy fakes, p95',
        value: formatSpread(latency, 'ms'),
        reference: `fakes' own hello answer p95: ${formatSpread(spreadOf(answeredP95), 'ms')}`,
        target: `≤ ${LATENCY_TARGET_MS} ms`,
        result: target(latency.max <= LATENCY_TARGET_MS),
      },
      {
        measure: 'wrong statuses per sweep',
        value: wrongCounts.join(' / '),
        reference: `of ${fleet.length}`,
        target: '0',
        result: target(wrongCounts.every((n) => n === 0)),
      },
      {
        measure: 'same sweep one at a time (from a 20-gateway sample)',
        value: `${sequentialS.toFixed(0)} s`,
        reference: '',
        target: '—',
        result: '',
      },
      {
        measure: 'worker CPU time per probe, alerting off / on',
        value: `${cpuPerProbe(cpu.off)} / ${cpuPerProbe(cpu.on)} ms`,
        reference: '',
        target: '—',
        result: '',
      },
      {
        measure: 'worker peak RSS',
        value: `${rss} MB`,
        reference: '',
        target: '≤ 250 MB',
        result: target(rss <= 250),
      },
    ])
    console.log(`${sweepsS.length} runs each, min / median / max; ${load}`)
  } finally {
    await stack.stop()
  }
}

await main()
