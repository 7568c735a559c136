// npm run bench: one real worker process watching 100 healthy fake gateways (in a process of their
// own) while they send tool calls at a steady rate, ≈2,000 tool events a second in all (each call is
// a start and an end event; exec adds an update and its command output): the worker's CPU (% of one
// core) and RSS over the window, and the lag from a call's end event (sent when the call ends, so its
// `endedAt` is the send time on this machine's clock) to its row in gateway_tool_calls (`recorded_at`,
// the storing transaction's time), p95 over every call that ended in the window. Beside it, the same
// worker's CPU over the same window with no traffic. After the window the traffic stops and the
// bench waits until the stored count stops growing, so late rows count with their full lag.

import { schema } from '@mc/db'
import { benchScale, formatSpread, machineLoad, measureRuns, spreadOf } from '@mc/testing/bench-runs'
import { cpuTimeMs, residentMb } from '@mc/testing/process-usage'
import { sql } from 'drizzle-orm'
import { startBenchStack } from './support/bench-stack.ts'

const GATEWAYS = benchScale(100, 5)
/** Calls a second over the fleet: read, exec, ls and write in turn send 2.5 events a call on average. */
const CALLS_PER_S = benchScale(800, 20)
const EVENTS_PER_CALL = 2.5
const WINDOW_MS = benchScale(20_000, 3000)
const POLL_MS = 200
const PATIENCE_MS = 5 * 60_000
const LAG_TARGET_MS = 2000
const TOKEN = 'bench-token'

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function main() {
  process.stdout.write(`starting ${GATEWAYS} fake gateways…\n`)
  const stack = await startBenchStack('tools', {
    healthy: GATEWAYS,
    blackholes: 0,
    token: TOKEN,
    helloDelayMs: 0,
    helloPresence: 0,
  })
  const { db, cipher, fleet } = stack
  const count = async (what: ReturnType<typeof sql>) => {
    const [row] = await db.execute<{ n: number }>(what)
    return row?.n ?? 0
  }
  /** Waits until `done` holds, polling. */
  const until = async (what: string, done: () => Promise<boolean>) => {
    const started = performance.now()
    while (!(await done())) {
      if (performance.now() - started > PATIENCE_MS)
        throw new Error(`${what}: not within ${PATIENCE_MS / 1000} s`)
      await wait(POLL_MS)
    }
  }
  const cpuOver = async (pid: number, ms: number) => {
    const before = cpuTimeMs(pid)
    await wait(ms)
    return ((cpuTimeMs(pid) - before) / ms) * 100
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
    const worker = await stack.startWorker({})
    const pid = worker.pid ?? 0
    await until(
      'every watcher loaded',
      async () =>
        (await count(sql`select count(*)::int as n from gateway_watchers where loaded_at is not null`)) >=
        GATEWAYS,
    )
    const idleCpu = await cpuOver(pid, WINDOW_MS)

    const cpu: number[] = []
    const rss: number[] = []
    const lagP95: number[] = []
    const stored: number[] = []
    await measureRuns(async (run) => {
      await fleet.setToolTraffic(CALLS_PER_S)
      // One window of warm-up: the first calls of each fake find its tools new.
      await wait(WINDOW_MS / 4)
      const [{ from } = { from: '' }] = await db.execute<{ from: string }>(sql`select now()::text as "from"`)
      const windowCpu = await cpuOver(pid, WINDOW_MS)
      const [{ to } = { to: '' }] = await db.execute<{ to: string }>(sql`select now()::text as "to"`)
      rss.push(residentMb(pid).now)
      await fleet.setToolTraffic(0)
      let last = -1
      await until('the stored calls stop growing', async () => {
        const now = await count(sql`select count(*)::int as n from gateway_tool_calls`)
        const settled = now === last
        last = now
        if (!settled) await wait(1000)
        return settled
      })
      const [row] = await db.execute<{ p95: number; calls: number }>(sql`
        select percentile_cont(0.95) within group (
                 order by extract(epoch from recorded_at - ended_at) * 1000)::float8 as p95,
               count(*)::int as calls
        from gateway_tool_calls where ended_at >= ${from}::timestamptz and ended_at < ${to}::timestamptz`)
      const callsPerS = ((row?.calls ?? 0) * 1000) / WINDOW_MS
      cpu.push(windowCpu)
      lagP95.push(row?.p95 ?? Number.NaN)
      stored.push(callsPerS)
      console.log(
        `run ${run}: ${callsPerS.toFixed(0)} calls/s stored (≈${Math.round(callsPerS * EVENTS_PER_CALL)} tool events/s), worker ${windowCpu.toFixed(1)} % CPU, ${rss.at(-1)} MB, lag p95 ${Math.round(lagP95.at(-1) ?? 0)} ms`,
      )
      return lagP95.at(-1) ?? 0
    })

    const lag = spreadOf(lagP95)
    console.table([
      {
        measure: `${GATEWAYS} gateways sending ${CALLS_PER_S} tool calls/s (≈${CALLS_PER_S * EVENTS_PER_CALL} tool events/s): calls stored per second`,
        'min / median / max': formatSpread(spreadOf(stored), '/s'),
        reference: `sent: ${CALLS_PER_S}/s`,
        machine: machineLoad(),
        target: '—',
        result: '',
      },
      {
        measure: `worker CPU over ${WINDOW_MS / 1000} s of traffic, % of one core`,
        'min / median / max': formatSpread(spreadOf(cpu), '%', 1),
        reference: `same worker, no traffic: ${idleCpu.toFixed(1)} %`,
        machine: '',
        target: '—',
        result: '',
      },
      {
        measure: 'worker RSS at the end of the window',
        'min / median / max': formatSpread(spreadOf(rss), 'MB'),
        reference: '',
        machine: '',
        target: '—',
        result: '',
      },
      {
        measure: 'a call’s end event → its row in gateway_tool_calls, p95',
        'min / median / max': formatSpread(lag, 'ms'),
        reference: 'flushed once a second per watcher',
        machine: '',
        target: `≤ ${LAG_TARGET_MS} ms`,
        result: lag.median <= LAG_TARGET_MS ? 'ok' : 'MISSED',
      },
    ])
  } finally {
    await stack.stop()
  }
}

await main()
