import { type ChildProcess, spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { readWorkerFreshness } from '@mc/runtime'
import type { Redis } from 'ioredis'

const WORKER_MAIN = fileURLToPath(new URL('../../dist/main.js', import.meta.url))

export interface BenchWorkerOptions {
  dbUrl: string
  redisUrl: string
  /** The run's Redis prefix (its keys go when the run's services stop). */
  prefix: string
  secretKey: string
  /** The bench's own settings (PROBE_INTERVAL_S, ALERT_GROUP_WAIT_S, …). */
  env: Record<string, string>
  /** For waiting until the worker's heartbeat shows. */
  redis: Redis
}

/**
 * The built worker process (`dist/main.js`) on the run's database and Redis prefix, resolved once its
 * heartbeat shows. `BENCH_CPU_PROF=1` writes its CPU profile to /tmp/prof.
 */
export async function startBenchWorker(options: BenchWorkerOptions): Promise<ChildProcess> {
  const worker = spawn(
    process.execPath,
    [...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir=/tmp/prof'] : []), WORKER_MAIN],
    {
      env: {
        ...process.env,
        DATABASE_URL: options.dbUrl,
        REDIS_URL: options.redisUrl,
        REDIS_PREFIX: options.prefix,
        MC_SECRET_KEY: options.secretKey,
        LOG_LEVEL: 'warn',
        // Several workers run side by side here: none serves metrics.
        WORKER_METRICS_PORT: '0',
        ...options.env,
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  )
  while ((await readWorkerFreshness(options.redis, options.prefix)).alive === 0) {
    if (worker.exitCode !== null) throw new Error(`the worker exited with ${worker.exitCode} before starting`)
    await new Promise((r) => setTimeout(r, 100))
  }
  return worker
}
