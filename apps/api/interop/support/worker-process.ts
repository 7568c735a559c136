import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { createRedis, readWorkerFreshness } from '@mc/runtime'
import { eventually } from '@mc/testing'
import { expect } from 'vitest'

// Apps never import each other (.dependency-cruiser.cjs): the worker runs as it ships, its built
// process, as in the e2e suite; `npm run test:interop` builds it first.
const WORKER_MAIN = fileURLToPath(new URL('../../../worker/dist/main.js', import.meta.url))

export interface WorkerProcessOptions {
  databaseUrl: string
  redisUrl: string
  redisPrefix: string
  secretKey: string
  /** The test's own settings (PROBE_INTERVAL_S, FAILOVER_AFTER, …). */
  env: Record<string, string>
}

export interface WorkerProcess {
  /** SIGTERM, and waits for it to exit. */
  stop(): Promise<void>
}

/** Mission Control's worker on the api's database and Redis prefix, resolved once its heartbeat shows. */
export async function startWorkerProcess(options: WorkerProcessOptions): Promise<WorkerProcess> {
  if (!existsSync(WORKER_MAIN))
    throw new Error(`${WORKER_MAIN} is missing: build it with npx turbo run build --filter=@mc/worker`)
  const worker: ChildProcess = spawn(process.execPath, [WORKER_MAIN], {
    env: {
      ...process.env,
      DATABASE_URL: options.databaseUrl,
      REDIS_URL: options.redisUrl,
      REDIS_PREFIX: options.redisPrefix,
      MC_SECRET_KEY: options.secretKey,
      LOG_LEVEL: 'warn',
      // Beside other test processes on one host: no metrics port to fight over.
      WORKER_METRICS_PORT: '0',
      ...options.env,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  })
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()))
  const stop = async () => {
    if (worker.exitCode === null && worker.signalCode === null) worker.kill('SIGTERM')
    await exited
  }
  const redis = createRedis(options.redisUrl)
  try {
    await eventually(async () => {
      expect(worker.exitCode, 'the worker exited while starting').toBeNull()
      expect((await readWorkerFreshness(redis, options.redisPrefix)).alive).toBe(1)
    })
  } catch (error) {
    await stop()
    throw error
  } finally {
    redis.disconnect()
  }
  return { stop }
}
