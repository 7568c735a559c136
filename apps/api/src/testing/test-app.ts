import { randomBytes } from 'node:crypto'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { Writable } from 'node:stream'
import { createEventPublisher, createLogger, createTokenCipher } from '@mc/runtime'
import { useTestDatabase, useTestRedis } from '@mc/testing'
import { afterAll, beforeAll } from 'vitest'
import { createApiAlerts } from '../alerts/api-alerts.ts'
import { type App, createApp } from '../app.ts'
import type { AppDeps } from '../app-deps.ts'
import { apiConfigSchema } from '../config.ts'
import { createEventHub } from '../events/event-hub.ts'
import { createConnectBatcher } from '../ingest/connect-batcher.ts'
import { createHeartbeatBatcher } from '../ingest/heartbeat-batcher.ts'
import { createApiMetrics } from '../metrics/api-metrics.ts'
import { createProbeDispatcher } from '../probes/probe-dispatcher.ts'
import { createRelayHub } from '../relay/relay-hub.ts'
import { createTokenRotationQueue } from '../token-rotation/token-rotation-queue.ts'
import { validateResponsesOf } from './response-validation.ts'

export interface TestApp {
  app: App
  deps: AppDeps
  /** Every log line the app wrote, for asserting what is (not) logged. */
  logs: string[]
  webDistDir: string
}

/**
 * The real app on a database and Redis prefix of this test file's own; requests go through
 * `app.request()` without a socket, and each answer is checked against the OpenAPI document. A
 * tiny built SPA stands in for apps/web/dist.
 */
export function useTestApp(env: Record<string, string> = {}): TestApp {
  const database = useTestDatabase()
  const redis = useTestRedis()
  const context = { logs: [] as string[] } as TestApp
  beforeAll(async () => {
    context.webDistDir = await mkdtemp(path.join(tmpdir(), 'mc-web-'))
    await writeFile(path.join(context.webDistDir, 'index.html'), '<!doctype html><div id="root"></div>')
    const config = apiConfigSchema.parse({
      DATABASE_URL: database.url,
      REDIS_URL: redis.url,
      REDIS_PREFIX: redis.prefix,
      WEB_DIST_DIR: context.webDistDir,
      LOG_LEVEL: 'debug',
      LOG_FORMAT: 'json',
      MC_SECRET_KEY: randomBytes(32).toString('base64'),
      ...env,
    })
    const destination = new Writable({
      write(chunk, _encoding, done) {
        context.logs.push(String(chunk))
        done()
      },
    })
    const logger = createLogger({
      service: 'api',
      level: config.LOG_LEVEL,
      format: config.LOG_FORMAT,
      destination,
    })
    const eventHub = createEventHub(config.REDIS_URL, config.REDIS_PREFIX, logger)
    const tokenCipher = createTokenCipher(config.MC_SECRET_KEY)
    const events = createEventPublisher(config.REDIS_URL, config.REDIS_PREFIX, () => {})
    const alerts = createApiAlerts(database.db, config, events, logger)
    const metrics = createApiMetrics({
      db: database.db,
      redis: redis.redis,
      redisPrefix: config.REDIS_PREFIX,
    })
    context.deps = {
      config,
      db: database.db,
      ingestDb: database.db,
      redis: redis.redis,
      logger,
      tokenCipher,
      probes: createProbeDispatcher(config.REDIS_URL, config.REDIS_PREFIX),
      tokenRotations: createTokenRotationQueue(config.REDIS_URL, config.REDIS_PREFIX),
      alerts,
      events,
      eventHub,
      relay: createRelayHub({ db: database.db, tokenCipher, logger, eventHub, config }),
      heartbeats: createHeartbeatBatcher(
        database.db,
        config.HEARTBEAT_TIMEOUT_S,
        events,
        alerts.evaluator,
        metrics,
      ),
      connects: createConnectBatcher(database.db, events, alerts.evaluator),
      metrics,
      startedAt: new Date(),
    }
    await context.deps.eventHub.ready()
    context.app = createApp(context.deps)
    await validateResponsesOf(context.app)
  })
  afterAll(async () => {
    await context.deps?.relay.close()
    context.deps?.events.close()
    context.deps?.eventHub.close()
    await context.deps?.probes.close()
    await context.deps?.tokenRotations.close()
    await context.deps?.alerts.close()
    await context.deps?.metrics.close()
  })
  return context
}
