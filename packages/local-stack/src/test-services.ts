import { chmod, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { assertPostgresReachable, assertRedisReachable } from '@mc/runtime'
import { freePort } from './free-port.ts'
import { startLocalRedis } from './local-redis.ts'
import { startPostgresChild } from './postgres-child.ts'
import { newTestRunId, removeTestRunLeftovers } from './test-run.ts'

export interface TestServices {
  postgresAdminUrl: string
  redisUrl: string
  /** Names the run's databases and Redis prefixes (see test-run.ts). */
  runId: string
  /** Removes what the run left behind, then stops what was started for it. */
  stop(): Promise<void>
}

const DEFAULT_POSTGRES = 'postgres://postgres@127.0.0.1:5432/postgres'
const DEFAULT_REDIS = 'redis://127.0.0.1:6379'

/**
 * Uses TEST_DATABASE_URL / TEST_REDIS_URL, or the machine's services on their default ports, and
 * starts a throwaway embedded Postgres or redis-server when those are not running.
 */
export async function ensureTestServices(): Promise<TestServices> {
  const stops: Array<() => Promise<void>> = []
  const scratch = await mkdtemp(path.join(tmpdir(), 'mc-test-'))
  // As root, an embedded Postgres runs as the `postgres` user, who must be able to enter it.
  await chmod(scratch, 0o755)
  stops.push(() => rm(scratch, { recursive: true, force: true }))

  let postgresAdminUrl = process.env.TEST_DATABASE_URL ?? DEFAULT_POSTGRES
  if (!(await reachable(() => assertPostgresReachable(postgresAdminUrl, 2)))) {
    if (process.env.TEST_DATABASE_URL) throw new Error(`TEST_DATABASE_URL is set but unreachable`)
    const pg = await startPostgresChild({
      dataDir: path.join(scratch, 'postgres'),
      port: await freePort(),
      database: 'postgres',
      persistent: false,
    })
    postgresAdminUrl = pg.url
    stops.unshift(pg.stop)
  }

  let redisUrl = process.env.TEST_REDIS_URL ?? DEFAULT_REDIS
  if (!(await reachable(() => assertRedisReachable(redisUrl, 2000)))) {
    if (process.env.TEST_REDIS_URL) throw new Error(`TEST_REDIS_URL is set but unreachable`)
    const redis = await startLocalRedis({ port: await freePort(), dir: path.join(scratch, 'redis') })
    redisUrl = redis.url
    stops.unshift(redis.stop)
  }

  const runId = newTestRunId()
  return {
    postgresAdminUrl,
    redisUrl,
    runId,
    async stop() {
      try {
        await removeTestRunLeftovers(runId, postgresAdminUrl, redisUrl)
      } finally {
        for (const stop of stops) await stop()
      }
    },
  }
}

async function reachable(check: () => Promise<void>): Promise<boolean> {
  try {
    await check()
    return true
  } catch {
    return false
  }
}
