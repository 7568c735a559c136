// npm run bench: one sweep of 1,000 gateways on loopback (700 healthy fakes, 150 refused ports,
// 150 black holes) through a real worker process with a 5 s probe deadline, compared with probing
// one gateway at a time; plus the worker's CPU time per probe and peak RSS. Prints a table.
import { type ChildProcess, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { closeDb, createDb, schema } from '@mc/db'
import { databaseStem, ensureTestServices, freePort, redisPrefixStem } from '@mc/local-stack'
import { probeGateway } from '@mc/openclaw'
import { type FakeGateway, startFakeGateway } from '@mc/openclaw/fake'
import {
  bullPrefix,
  createRedis,
  createTokenCipher,
  type ProbeGatewayJob,
  probeBatches,
  QUEUES,
  readWorkerFreshness,
} from '@mc/runtime'
import { createScratchDatabase } from '@mc/testing/scratch-database'
import { Queue } from 'bullmq'
import { sql } from 'drizzle-orm'

const HEALTHY = 700
const REFUSED = 150
const BLACKHOLED = 150
const TIMEOUT_MS = 5000
const TOKEN = 'bench-token'
const WORKER_MAIN = fileURLToPath(new URL('../dist/main.js', import.meta.url))

type Kind = 'healthy' | 'refused' | 'blackholed'
const expected: Record<Kind, string> = { healthy: 'online', refused: 'offline', blackholed: 'timeout' }

/** utime + stime of a process in ms, from /proc (clock ticks are 100 Hz on Linux). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? []
  return (Number(fields[11]) + Number(fields[12])) * 10
}

function peakRssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmHWM:\s+(\d+) kB/)
  return Math.round(Number(line?.[1] ?? 0) / 1024)
}

async function main() {
  const services = await ensureTestServices()
  const scratch = await createScratchDatabase(services.postgresAdminUrl, databaseStem(services.runId))
  const dbUrl = scratch.url
  const db = createDb(dbUrl, { max: 4 })
  // Named for the run: `services.stop()` removes its keys, even after a failure.
  const prefix = `${redisPrefixStem(services.runId)}-sweep`
  const secretKey = randomBytes(32).toString('base64')
  const cipher = createTokenCipher(secretKey)
  const redis = createRedis(services.redisUrl)
  const fakes: FakeGateway[] = []
  let worker: ChildProcess | undefined

  try {
    process.stdout.write(`starting ${HEALTHY + BLACKHOLED} fake gateways…\n`)
    for (let i = 0; i < HEALTHY; i++)
      fakes.push(await startFakeGateway({ token: TOKEN, agents: 2, sessions: i % 7 }))
    const blackholes: FakeGateway[] = []
    for (let i = 0; i < BLACKHOLED; i++)
      blackholes.push(await startFakeGateway({ token: TOKEN, mode: 'blackhole' }))
    fakes.push(...blackholes)
    const refusedPorts: number[] = []
    const taken = new Set(fakes.map((f) => f.port))
    while (refusedPorts.length < REFUSED) {
      const port = await freePort()
      if (!taken.has(port)) refusedPorts.push(port)
    }
    const fleet: { kind: Kind; port: number }[] = [
      ...fakes.slice(0, HEALTHY).map((f) => ({ kind: 'healthy' as const, port: f.port })),
      ...refusedPorts.map((port) => ({ kind: 'refused' as const, port })),
      ...blackholes.map((f) => ({ kind: 'blackholed' as const, port: f.port })),
    ]

    worker = spawn(
      process.execPath,
      [...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir=/tmp/prof'] : []), WORKER_MAIN],
      {
        env: {
          ...process.env,
          DATABASE_URL: dbUrl,
          REDIS_URL: services.redisUrl,
          REDIS_PREFIX: prefix,
          MC_SECRET_KEY: secretKey,
          PROBE_TIMEOUT_MS: String(TIMEOUT_MS),
          PROBE_INTERVAL_S: '3600',
          LOG_LEVEL: 'warn',
        },
        stdio: ['ignore', 'inherit', 'inherit'],
      },
    )
    while ((await readWorkerFreshness(redis, prefix)).alive === 0)
      await new Promise((r) => setTimeout(r, 100))
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
    const cpuBefore = cpuMs(pid)
    const started = performance.now()
    const since = new Date()
    // What the sweep job queues on a tick.
    await queue.addBulk(
      probeBatches(rows.map((row) => row.id)).map((ids, index) => ({
        name: 'scheduled',
        data: { gateway_ids: ids, reason: 'scheduled' } satisfies ProbeGatewayJob,
        opts: { jobId: `bench-${index}`, removeOnComplete: true },
      })),
    )
    for (;;) {
      const [done] = await db.execute<{ n: number }>(
        sql`select count(*)::int as n from gateways where last_probe_at >= ${since.toISOString()}`,
      )
      if ((done?.n ?? 0) >= rows.length) break
      await new Promise((r) => setTimeout(r, 25))
    }
    const sweepS = (performance.now() - started) / 1000
    const cpuPerProbe = (cpuMs(pid) - cpuBefore) / rows.length
    const rss = peakRssMb(pid)
    await queue.close()

    const statuses = await db
      .select({ id: schema.gateways.id, status: schema.gateways.status })
      .from(schema.gateways)
    const wrong = statuses.filter((g) => g.status !== expected[kindOf.get(g.id) ?? 'healthy'])

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
    console.table([
      {
        measure: 'concurrent sweep, 1,000 gateways',
        value: `${sweepS.toFixed(2)} s`,
        target: '≤ 7.5 s',
        result: target(sweepS <= 7.5),
      },
      {
        measure: 'correct status for every gateway',
        value: `${statuses.length - wrong.length}/${statuses.length}`,
        target: '1000/1000',
        result: target(wrong.length === 0),
      },
      {
        measure: 'same sweep one at a time (from a 20-gateway sample)',
        value: `${sequentialS.toFixed(0)} s`,
        target: '—',
        result: '',
      },
      {
        measure: 'worker CPU time per probe',
        value: `${cpuPerProbe.toFixed(2)} ms`,
        target: '—',
        result: '',
      },
      { measure: 'worker peak RSS', value: `${rss} MB`, target: '≤ 250 MB', result: target(rss <= 250) },
    ])
    if (wrong.length > 0) console.log('wrong statuses (first 10):', wrong.slice(0, 10))
  } finally {
    worker?.kill('SIGTERM')
    await Promise.all(fakes.map((f) => f.stop()))
    redis.disconnect()
    await closeDb(db)
    await scratch.drop()
    await services.stop()
  }
}

await main()
