import { type ChildProcess, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import { closeDb, createApiKey, createDb, type Database } from '@mc/db'
import { databaseStem, ensureTestServices, freePort, redisPrefixStem } from '@mc/local-stack'
import { createScratchDatabase } from '@mc/testing/scratch-database'
import { newApiKey, sha256 } from '../../src/auth/secrets.ts'

const API_MAIN = fileURLToPath(new URL('../../dist/main.js', import.meta.url))

export interface BenchApi {
  port: number
  /** The api process's pid, for reading its CPU time and memory. */
  pid: number
  /** An operator API key of the run's database. */
  key: string
  /** The run's scratch database, for seeding and reading back. */
  db: Database
  dbUrl: string
  /** Admin URL of the Postgres the scratch database lives on (for reference tools like pgbench). */
  postgresAdminUrl: string
  redisUrl: string
  /** The Redis prefix the api publishes under: a worker of the same run must use it too. */
  redisPrefix: string
  stop(): Promise<void>
}

/** The environment of an api or worker a bench starts: its run's database and Redis prefix, quiet logs. */
export function benchProcessEnv(
  databaseUrl: string,
  redisUrl: string,
  redisPrefix: string,
): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    REDIS_PREFIX: redisPrefix,
    MC_SECRET_KEY: randomBytes(32).toString('base64'),
    LOG_LEVEL: 'warn',
  }
}

async function untilHealthy(port: number, api: ChildProcess): Promise<void> {
  for (;;) {
    if (api.exitCode !== null) throw new Error(`the api exited with ${api.exitCode} before answering`)
    const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then(
      (r) => r.ok,
      () => false,
    )
    if (ok) return
    await new Promise((r) => setTimeout(r, 100))
  }
}

/**
 * The built api process (`dist/main.js`) on loopback with a run-scoped scratch database and Redis
 * prefix, and an operator key. `BENCH_CPU_PROF=1` writes the api's CPU profile to /tmp/prof-api.
 */
export async function startBenchApi(name: string): Promise<BenchApi> {
  const services = await ensureTestServices()
  const scratch = await createScratchDatabase(services.postgresAdminUrl, databaseStem(services.runId))
  const db = createDb(scratch.url, { max: 4 })
  const port = await freePort()
  // Named for the run: `services.stop()` removes its keys, even after a failure.
  const redisPrefix = `${redisPrefixStem(services.runId)}-${name}`
  const api = spawn(
    process.execPath,
    [...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir=/tmp/prof-api'] : []), API_MAIN],
    {
      env: {
        ...benchProcessEnv(scratch.url, services.redisUrl, redisPrefix),
        MC_ADMIN_PASSWORD: 'bench-admin-password',
        PORT: String(port),
        HOST: '127.0.0.1',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  )
  const stop = async () => {
    if (api.exitCode === null) {
      const exited = new Promise((resolve) => api.once('exit', resolve))
      api.kill('SIGTERM')
      await exited
    }
    await closeDb(db)
    await scratch.drop()
    await services.stop()
  }
  try {
    const { key, prefix } = newApiKey()
    await createApiKey(db, { name: 'bench', keyHash: sha256(key), prefix, role: 'operator', ownerId: null })
    await untilHealthy(port, api)
    return {
      port,
      pid: api.pid ?? 0,
      key,
      db,
      dbUrl: scratch.url,
      postgresAdminUrl: services.postgresAdminUrl,
      redisUrl: services.redisUrl,
      redisPrefix,
      stop,
    }
  } catch (error) {
    await stop()
    throw error
  }
}
