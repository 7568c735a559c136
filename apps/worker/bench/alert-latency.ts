// npm run bench: how soon a webhook tells of gateways that fail together. 100 healthy fake gateways
// (in a process of their own) and one gateway_down rule (after_failures 1) with a webhook channel to
// a receiver in this process; a worker process probing every 5 s, grouping a channel's notices for
// ALERT_GROUP_WAIT_S = 2 s. Then every fake drops its connections mid-handshake at once: for each
// gateway, the time from its first failing probe being stored (its gateway_probes row, the
// database's clock, on this machine) to the arrival of the webhook message that lists it; p95 per
// run, BENCH_RUNS runs (min / median / max), the fakes back up and their resolve notices in between.
import { schema } from '@mc/db'
import {
  benchScale,
  formatSpread,
  machineLoad,
  measureRuns,
  percentile,
  spreadOf,
} from '@mc/testing/bench-runs'
import { sql } from 'drizzle-orm'
import { startBenchStack } from './support/bench-stack.ts'
import { type ArrivedMessage, createGatewayDownRule } from './support/webhook-alerting.ts'

const GATEWAYS = benchScale(100, 10)
const PROBE_INTERVAL_S = 5
/** Short, so that the figure is mostly the alerting path's own time, not the wait it is told to keep. */
const ALERT_GROUP_WAIT_S = 2
const TARGET_S = 1 + ALERT_GROUP_WAIT_S
/** Two probe intervals, the group wait and slack: past this, a notice counts as lost. */
const PATIENCE_MS = 60_000
const TOKEN = 'bench-token'

/** Waits until `done()`; false when PATIENCE_MS passed first. */
async function until(done: () => boolean | Promise<boolean>): Promise<boolean> {
  const giveUpAt = performance.now() + PATIENCE_MS
  while (!(await done())) {
    if (performance.now() > giveUpAt) return false
    await new Promise((r) => setTimeout(r, 25))
  }
  return true
}

/** The gateways (by id) the messages list for `event`, each with the arrival of the first that did. */
function toldAt(messages: ArrivedMessage[], event: 'incident.opened' | 'incident.resolved') {
  const at = new Map<number, number>()
  for (const message of messages)
    for (const incident of message.payload.incidents)
      if (incident.event === event && !at.has(incident.subject.id)) at.set(incident.subject.id, message.at)
  return at
}

async function main() {
  const stack = await startBenchStack('alerts', {
    healthy: GATEWAYS,
    blackholes: 0,
    token: TOKEN,
    helloDelayMs: 10,
    helloPresence: 0,
  })
  const { db, cipher, receiver, fleet } = stack

  try {
    await db.insert(schema.gateways).values(
      fleet.healthyPorts.map((port, i) => ({
        name: `bench-${i}`,
        host: '127.0.0.1',
        port,
        token: cipher.encrypt(TOKEN),
      })),
    )
    await createGatewayDownRule(db, receiver.channel.id)
    await stack.startWorker({
      PROBE_INTERVAL_S: String(PROBE_INTERVAL_S),
      ALERT_GROUP_WAIT_S: String(ALERT_GROUP_WAIT_S),
    })
    const online = async () => {
      const [row] = await db.execute<{ n: number }>(
        sql`select count(*)::int as n from gateways where status = 'online'`,
      )
      return (row?.n ?? 0) === GATEWAYS
    }
    if (!(await until(online))) throw new Error('the fakes did not all come online')

    const p95s: number[] = []
    const messagesPerRun: number[] = []
    const missing: number[] = []
    await measureRuns(async (run) => {
      const firstMessage = receiver.messages.length
      const stoppedAt = new Date()
      await fleet.setMode('close-mid-handshake')
      const opened = () => toldAt(receiver.messages.slice(firstMessage), 'incident.opened')
      await until(() => opened().size >= GATEWAYS)
      const failedAt = await db.execute<{ gateway_id: number; at: Date }>(sql`
        select gateway_id, min(probed_at) as at from gateway_probes
        where probed_at >= ${stoppedAt.toISOString()} and status <> 'online' group by gateway_id`)
      const arrivals = opened()
      const latenciesS = failedAt
        .flatMap((row) => {
          const arrived = arrivals.get(row.gateway_id)
          return arrived === undefined ? [] : [(arrived - new Date(row.at).getTime()) / 1000]
        })
        .sort((a, b) => a - b)
      missing.push(GATEWAYS - latenciesS.length)

      // Back up: every incident resolves, and its notice goes out before the next run.
      const resolvedFrom = receiver.messages.length
      await fleet.setMode('normal')
      const resolved = () => toldAt(receiver.messages.slice(resolvedFrom), 'incident.resolved').size
      if (!(await until(() => resolved() >= GATEWAYS)))
        throw new Error(`${resolved()} of ${GATEWAYS} resolve notices arrived`)
      messagesPerRun.push(
        receiver.messages
          .slice(firstMessage)
          .filter((m) => m.payload.incidents.some((i) => i.event === 'incident.opened')).length,
      )
      p95s.push(percentile(latenciesS, 0.95))
      console.log(`run ${run}: ${latenciesS.length} gateways told, p95 ${p95s.at(-1)?.toFixed(2)} s`)
      return p95s.at(-1) ?? Number.NaN
    })

    const p95 = spreadOf(p95s)
    console.table([
      {
        measure: `failing probe stored → webhook message listing it, p95, ${GATEWAYS} gateways failing together`,
        'min / median / max': formatSpread(p95, 's', 2),
        reference: `ALERT_GROUP_WAIT_S = ${ALERT_GROUP_WAIT_S} s, probes every ${PROBE_INTERVAL_S} s`,
        machine: machineLoad(),
        target: `≤ ${TARGET_S} s (1 s + group wait)`,
        result: p95.median <= TARGET_S ? 'ok' : 'MISSED',
      },
      {
        measure: 'webhook messages per run (incidents opened); gateways never told',
        'min / median / max': `${messagesPerRun.join(' / ')}; ${missing.join(' / ')}`,
        reference: '',
        machine: '',
        target: '1; 0',
        result: messagesPerRun.every((n) => n === 1) && missing.every((n) => n === 0) ? 'ok' : 'MISSED',
      },
    ])
  } finally {
    await stack.stop()
  }
}

await main()
