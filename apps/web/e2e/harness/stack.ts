import { randomBytes } from 'node:crypto'
import { formatOutputs, freePort, type Service, startService } from '@mc/local-stack'
import { errorMessage } from '@mc/shared'
import { createTestDatabase, testRedisUrl } from '@mc/testing'
import { assertBuilt, paths } from './paths.ts'
import type { Credentials } from './sign-in.ts'
import { waitForHealthy } from './wait-for-healthy.ts'

/** The real product on a free port: api + worker on a fresh database and a private Redis prefix. */
export interface Stack {
  baseUrl: string
  /** The stack's own database, for inserting rows only the worker writes (`openDatabase`). */
  databaseUrl: string
  version: string
  api: Service
  worker: Service
  /** The first admin, created by the api on its empty database from MC_ADMIN_PASSWORD. */
  admin: Credentials
  /** Stops both services (idempotent) and drops the database. */
  stop(): Promise<void>
}

/** `env` adds to or overrides the services' environment (a shorter probe interval, say). */
export async function startStack(redisPrefix: string, extraEnv: Record<string, string> = {}): Promise<Stack> {
  assertBuilt()
  const database = await createTestDatabase()
  const port = await freePort()
  const admin = { username: 'admin', password: randomBytes(18).toString('base64url') }
  const env = {
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: database.url,
    REDIS_URL: testRedisUrl(),
    REDIS_PREFIX: redisPrefix,
    LOG_LEVEL: 'warn',
    MC_ADMIN_PASSWORD: admin.password,
    MC_SECRET_KEY: randomBytes(32).toString('base64'),
    // Suites run side by side: no worker metrics port to fight over.
    WORKER_METRICS_PORT: '0',
    ...extraEnv,
  }
  const api = startService('api', paths.apiMain, env)
  const worker = startService('worker', paths.workerMain, env)
  const stopAll = async () => {
    await Promise.all([worker.stop(), api.stop()])
    await database.drop()
  }

  const baseUrl = `http://127.0.0.1:${port}`
  try {
    const health = await waitForHealthy(baseUrl, [api, worker])
    return { baseUrl, databaseUrl: database.url, version: health.version, api, worker, admin, stop: stopAll }
  } catch (error) {
    await stopAll()
    const reason = errorMessage(error)
    throw new Error(`e2e stack failed to start: ${reason}\n${formatOutputs([api, worker])}`)
  }
}
