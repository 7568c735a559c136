// `npm start`: the whole product on one machine. Checks that the api's port is free before it starts
// anything. Uses DATABASE_URL / REDIS_URL when given, else an embedded Postgres under .data/ and a
// local redis-server; then runs the api (serving the SPA) and the worker (MC_WORKERS of them),
// restarts any that crashes, and on Ctrl-C stops them first and the databases last.
import { fork, spawn } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  assertPostgresReachable,
  assertRedisReachable,
  databaseUrlSchema,
  envInt,
  loadConfig,
  logFormatSchema,
  redisUrlSchema,
  StartupError,
} from '@mc/runtime'
import { z } from 'zod'
import { terminateGroup } from './child.ts'
import { startLocalRedis } from './local-redis.ts'
import { localSecretKey } from './local-secret-key.ts'
import { assertPortAvailable } from './port-check.ts'
import { startPostgresChild } from './postgres-child.ts'
import { type SupervisedApp, superviseApp } from './supervised-app.ts'

const ROOT = fileURLToPath(new URL('../../..', import.meta.url))
const dev = process.argv.includes('--dev')

const config = (() => {
  try {
    return loadConfig(
      z.object({
        DATABASE_URL: databaseUrlSchema.optional(),
        REDIS_URL: redisUrlSchema.optional(),
        PORT: envInt(3000, { min: 1, max: 65535 }),
        HOST: z.string().min(1).default('0.0.0.0'),
        // Decided by this process's stdout, which the children share: they are told, not left to guess.
        LOG_FORMAT: logFormatSchema,
        MC_DATA_DIR: z.string().default(path.join(ROOT, '.data')),
        MC_EMBEDDED_PG_PORT: envInt(54329, { min: 1, max: 65535 }),
        MC_LOCAL_REDIS_PORT: envInt(63799, { min: 1, max: 65535 }),
        MC_WORKERS: envInt(1, { min: 1, max: 16 }),
        // The first worker keeps it, the others take the ports after it (0, off, stays off for all).
        WORKER_METRICS_PORT: envInt(9464, { min: 0, max: 65535 }),
      }),
    )
  } catch (error) {
    fail(error)
  }
})()

const say = (line: string) => process.stdout.write(`[mission-control] ${line}\n`)
const stops: Array<() => Promise<void>> = []
const apps: SupervisedApp[] = []
let shuttingDown = false

function fail(error: unknown): never {
  const message = error instanceof StartupError ? error.message : error instanceof Error ? error.stack : error
  process.stderr.write(`mission-control: ${message}\n`)
  process.exit(1)
}

async function shutdown(exitCode: number): Promise<never> {
  if (!shuttingDown) {
    shuttingDown = true
    await Promise.all(apps.map((app) => app.stop(8000)))
    for (const stop of stops.reverse()) await stop().catch(() => {})
  }
  process.exit(exitCode)
}

function runApp(name: string, script: string, env: NodeJS.ProcessEnv): SupervisedApp {
  const app = superviseApp({
    name,
    start: () => fork(path.join(ROOT, script), [], { env, execArgv: [], detached: true, stdio: 'inherit' }),
    report: (line) => process.stderr.write(`mission-control: ${line}\n`),
    giveUp: (line) => {
      process.stderr.write(`mission-control: ${line}\n`)
      void shutdown(1)
    },
  })
  apps.push(app)
  return app
}

/** Until the api answers; a crashing api is restarted meanwhile, or the whole stack stopped. */
async function waitForApi(url: string): Promise<void> {
  while (!shuttingDown) {
    try {
      if ((await fetch(url)).ok) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}

process.once('SIGINT', () => void shutdown(0))
process.once('SIGTERM', () => void shutdown(0))

try {
  await assertPortAvailable({
    port: config.PORT,
    host: config.HOST,
    command: dev ? 'npm run dev' : 'npm start',
  })
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(config.PORT), LOG_FORMAT: config.LOG_FORMAT }
  if (!env.MC_SECRET_KEY) {
    const secret = await localSecretKey(config.MC_DATA_DIR)
    env.MC_SECRET_KEY = secret.key
    if (secret.created)
      say(`generated MC_SECRET_KEY in ${secret.file}: keep it with the database, it decrypts gateway tokens`)
  }
  if (config.DATABASE_URL) {
    await assertPostgresReachable(config.DATABASE_URL)
  } else {
    const dataDir = path.join(config.MC_DATA_DIR, 'postgres')
    const pg = await startPostgresChild({
      dataDir,
      port: config.MC_EMBEDDED_PG_PORT,
      database: 'mission_control',
      persistent: true,
    })
    stops.push(pg.stop)
    env.DATABASE_URL = pg.url
    say(`embedded Postgres on 127.0.0.1:${config.MC_EMBEDDED_PG_PORT}, data in ${dataDir}`)
  }
  if (config.REDIS_URL) {
    await assertRedisReachable(config.REDIS_URL)
  } else {
    const redis = await startLocalRedis({
      port: config.MC_LOCAL_REDIS_PORT,
      dir: path.join(config.MC_DATA_DIR, 'redis'),
      detached: true,
    })
    stops.push(redis.stop)
    env.REDIS_URL = redis.url
    say(`local redis-server on 127.0.0.1:${config.MC_LOCAL_REDIS_PORT}`)
  }
  runApp('api', 'apps/api/dist/main.js', env)
  for (let i = 0; i < config.MC_WORKERS; i++) {
    const metricsPort = config.WORKER_METRICS_PORT === 0 ? 0 : config.WORKER_METRICS_PORT + i
    // Each is named <hostname>:<pid> in heartbeats by default: distinct without help.
    runApp(config.MC_WORKERS === 1 ? 'worker' : `worker ${i + 1}`, 'apps/worker/dist/main.js', {
      ...env,
      WORKER_METRICS_PORT: String(metricsPort),
    })
  }
  if (dev) {
    const vite = spawn('npm', ['run', 'dev', '-w', '@mc/web'], {
      cwd: ROOT,
      stdio: 'inherit',
      detached: true,
    })
    // npm runs vite through `sh -c`: only a signal to the whole group reaches vite itself.
    stops.push(() => terminateGroup(vite, 3000))
  }
  await waitForApi(`http://127.0.0.1:${config.PORT}/api/health`)
  if (!shuttingDown) {
    say(
      `Mission Control is running at http://localhost:${config.PORT}${dev ? ' (vite dev server on :5173)' : ''}`,
    )
    say('press Ctrl-C to stop')
  }
} catch (error) {
  shuttingDown = true
  for (const stop of stops.reverse()) await stop().catch(() => {})
  fail(error)
}
