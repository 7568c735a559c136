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
import { readFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { deleteAlertRule, listGatewayIdsInProbeOrder, schema } from '@mc/db'
import { probeGateway } from '@mc/openclaw'
import { bullPrefix, type ProbeGatewayJob, probeBatches, QUEUES } from '@mc/runtime'
import {
  benchScale,
  formatSpread,
  machineLoad,
  measureRuns,
  percentile,
  spreadOf,
} from '@mc/testing/bench-runs'
import { Queue } from 'bullmq'
import { sql } from 'drizzle-orm'
import { startBenchStack } from './support/bench-stack.ts'
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

type Kind = 'healthy' | 'refused' | 'blackholed'
const expected: Record<Kind, string> = { healthy: 'online', refused: 'offline', blackholed: 'timeout' }

/** utime + stime of a process in ms, from /proc (clock ticks are 100 Hz on Linux). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? []
  return (Number(fields[11]) + Number(fields[12])) * 10
}

/**
 * Ports nothing listens on, below Linux's ephemeral range (32768+): no other process's listener on
 * port 0 and no outgoing socket (which can connect to itself when its own port is the target) takes
 * them during the run.
 */
async function closedPorts(count: number): Promise<number[]> {
  const ports: number[] = []
  for (let port = 21_000; ports.length < count; port++) {
    const server = createServer()
    const free = await new Promise<boolean>((resolve) => {
      server.once('error', () => resolve(false)).listen(port, '127.0.0.1', () => resolve(true))
    })
    if (free) {
      await new Promise((resolve) => server.close(resolve))
      ports.push(port)
    }
  }
  return ports
}

function peakRssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmHWM:\s+(\d+) kB/)
  return Math.round(Number(line?.[1] ?? 0) / 1024)
}

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
    const fleet: { kind: Kind; port: number }[] = [
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

    const rows = await db
      .insert(schema.gateways)
      .values(
        fleet.map((g, i) => ({
          name: `bench-${i}`,
          host: '127.0.0.1',
          port: g.port,
          token: cipher.encrypt(TOKEN),
        })),
      )
      .returning({ id: schema.gateways.id })
    const kindOf = new Map(rows.map((row, i) => [row.id, fleet[i]?.kind ?? 'healthy']))

    const queue = new Queue(QUEUES.probeGateway, { connection: redis, prefix: bullPrefix(prefix) })
    const pid = worker.pid ?? 0
    const sweepsS: number[] = []
    const alertingSweepsS: number[] = []
    const messagesPerAlertingSweep: number[] = []
    const cpu = { off: 0, on: 0 }
    const recordedP95: number[] = []
    const answeredP95: number[] = []
    const wrongCounts: number[] = []
    // What the sweep job does on a tick (in its order: gateways that timed out last time first);
    // resolves once every gateway has been probed since.
    const sweep = async (label: string) => {
      const since = new Date()
      await queue.addBulk(
        probeBatches(await listGatewayIdsInProbeOrder(db)).map((ids, index) => ({
          name: 'scheduled',
          data: { gateway_ids: ids, reason: 'scheduled' } satisfies ProbeGatewayJob,
          opts: { jobId: `bench-${label}-${index}`, removeOnComplete: true },
        })),
      )
      for (;;) {
        const [done] = await db.execute<{ n: number }>(
          sql`select count(*)::int as n from gateways where last_probe_at >= ${since.toISOString()}`,
        )
        if ((done?.n ?? 0) >= rows.length) return since
        await new Promise((r) => setTimeout(r, 25))
      }
    }
    // A monitor has probed its fleet before: the warm-up sweep is that history.
    await sweep('warm-up')
    const failing = REFUSED + BLACKHOLED
    // Alerting on: a new rule, so that the failing gateways open their incidents in this sweep; then
    // the channel's one grouped message, and the rule deleted (resolving them) for the next run.
    const alertingSweep = async (run: number) => {
      const before = receiver.messages.length
      const rule = await createGatewayDownRule(db, receiver.channel.id)
      const cpuBefore = cpuMs(pid)
      const started = performance.now()
      await sweep(`alerting-${run}`)
      alertingSweepsS.push((performance.now() - started) / 1000)
      cpu.on += cpuMs(pid) - cpuBefore
      const told = () => receiver.messages.slice(before).flatMap((m) => m.payload.incidents).length
      const giveUpAt = performance.now() + MESSAGE_PATIENCE_MS
      while (told() < failing && performance.now() < giveUpAt) await new Promise((r) => setTimeout(r, 50))
      if (told() < failing) console.log(`run ${run}: ${told()} of ${failing} failing gateways told`)
      messagesPerAlertingSweep.push(receiver.messages.length - before)
      await deleteAlertRule(db, rule.id, 'bench')
    }
    await measureRuns(async (run) => {
      await fleetOfFakes.takeHelloAnswers()
      const cpuBefore = cpuMs(pid)
      const started = performance.now()
      const since = await sweep(String(run))
      sweepsS.push((performance.now() - started) / 1000)
      cpu.off += cpuMs(pid) - cpuBefore
      const recorded = await db.execute<{ latency: number }>(
        sql`select latency from gateway_probes where probed_at >= ${since.toISOString()} and status = 'online'`,
      )
      recordedP95.push(p95(recorded.map((row) => row.latency)))
      answeredP95.push(p95((await fleetOfFakes.takeHelloAnswers()).map((answer) => answer.ms)))
      const statuses = await db
        .select({ id: schema.gateways.id, status: schema.gateways.status })
        .from(schema.gateways)
      const wrong = statuses.filter((g) => g.status !== expected[kindOf.get(g.id) ?? 'healthy'])
      if (wrong.length > 0) console.log(`run ${run}: wrong statuses (first 10):`, wrong.slice(0, 10))
      wrongCounts.push(wrong.length)
      await alertingSweep(run)
      return sweepsS.at(-1) ?? 0
    })
    const cpuPerProbe = (ms: number) => (ms / (rows.length * sweepsS.length)).toFixed(2)
    const rss = peakRssMb(pid)
    const load = machineLoad()
    await queue.close()

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
        reference: `of ${rows.length}`,
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
