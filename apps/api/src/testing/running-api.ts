import { execFile } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { promisify } from 'node:util'
import type { Database } from '@mc/db'
import { useTestDatabase, useTestRedis } from '@mc/testing'
import { afterAll, beforeAll } from 'vitest'
import { apiConfigSchema } from '../config.ts'
import { startApi } from '../server.ts'

export interface ListeningApi {
  /** e.g. `http://127.0.0.1:41234` */
  url: string
  db: Database
  /** Where it keeps its data, for a worker process beside it. */
  databaseUrl: string
  redisUrl: string
  redisPrefix: string
}

/** Where a test's api keeps its data: its own database and Redis prefix. */
export interface ApiStorage {
  database: { url: string }
  redis: { url: string; prefix: string }
}

/** The real API on a loopback port over `storage`, with `env` added to its settings; stop it when done. */
export async function startListeningApi(
  storage: ApiStorage,
  env: Record<string, string> = {},
): Promise<{ url: string; stop(): Promise<void> }> {
  const api = await startApi(
    apiConfigSchema.parse({
      DATABASE_URL: storage.database.url,
      REDIS_URL: storage.redis.url,
      REDIS_PREFIX: storage.redis.prefix,
      MC_SECRET_KEY: randomBytes(32).toString('base64'),
      MC_ADMIN_PASSWORD: 'listening-api-admin',
      LOG_LEVEL: 'silent',
      PORT: '0',
      HOST: '127.0.0.1',
      ...env,
    }),
  )
  return { url: `http://127.0.0.1:${api.port}`, stop: () => api.stop() }
}

/**
 * The real API listening on a loopback port, on the calling test file's own database and Redis
 * prefix, for tests that talk to it over HTTP like tools do (curl, mc-agent); `env` adds settings.
 */
export function useListeningApi(env: Record<string, string> = {}): ListeningApi {
  const database = useTestDatabase()
  const redis = useTestRedis()
  const context = {} as ListeningApi
  let api: Awaited<ReturnType<typeof startListeningApi>> | undefined
  beforeAll(async () => {
    api = await startListeningApi({ database, redis }, env)
    context.url = api.url
    context.db = database.db
    context.databaseUrl = database.url
    context.redisUrl = redis.url
    context.redisPrefix = redis.prefix
  })
  afterAll(() => api?.stop())
  return context
}

const run = promisify(execFile)

/** Runs a curl example from the product description as written, against `url` with `key`. */
export async function runCurlExample(example: string, url: string, key: string): Promise<unknown> {
  const command = example.replaceAll('http://localhost:3000', url).replaceAll('YOUR_API_KEY', key)
  const { stdout } = await run('bash', ['-c', `${command} --silent --show-error`])
  return JSON.parse(stdout)
}
