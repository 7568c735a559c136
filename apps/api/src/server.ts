import { closeDb, createDb, runMigrations } from '@mc/db'
import {
  assertPostgresReachable,
  assertRedisReachable,
  createEventPublisher,
  createLogger,
  createRedis,
  createTokenCipher,
  redactUrl,
} from '@mc/runtime'
import { createApiAlerts } from './alerts/api-alerts.ts'
import { createApp } from './app.ts'
import { ensureInitialAdmin } from './auth/initial-admin.ts'
import type { ApiConfig } from './config.ts'
import { ensureDefaultGateway } from './default-gateway.ts'
import { createEventHub } from './events/event-hub.ts'
import { listen } from './http/listen.ts'
import { createConnectBatcher } from './ingest/connect-batcher.ts'
import { createHeartbeatBatcher } from './ingest/heartbeat-batcher.ts'
import { createApiMetrics } from './metrics/api-metrics.ts'
import { createProbeDispatcher } from './probes/probe-dispatcher.ts'
import { createRelayHub } from './relay/relay-hub.ts'
import { createTokenRotationQueue } from './token-rotation/token-rotation-queue.ts'

/** Of SHUTDOWN_TIMEOUT_MS, what is kept for closing queues and pools once requests are done. */
const CLOSE_RESERVE_MS = 1000

export interface RunningApi {
  port: number
  stop(): Promise<void>
}

/**
 * Boots the API: checks Postgres and Redis (one clear error when either is wrong), migrates,
 * listens, and returns how to stop gracefully (stop accepting, finish in-flight requests, close pools).
 */
export async function startApi(config: ApiConfig): Promise<RunningApi> {
  const logger = createLogger({ service: 'api', level: config.LOG_LEVEL, format: config.LOG_FORMAT })
  await assertPostgresReachable(config.DATABASE_URL)
  await assertRedisReachable(config.REDIS_URL)
  if (config.MIGRATE_ON_START) await runMigrations(config.DATABASE_URL)

  const timeouts = {
    connectTimeoutMs: config.DB_CONNECT_TIMEOUT_MS,
    statementTimeoutMs: config.DB_STATEMENT_TIMEOUT_MS,
  }
  const db = createDb(config.DATABASE_URL, {
    max: config.DB_POOL_MAX,
    applicationName: 'mc-api',
    ...timeouts,
  })
  const ingestDb = createDb(config.DATABASE_URL, {
    max: config.DB_POOL_MAX,
    applicationName: 'mc-api-ingest',
    synchronousCommit: false,
    // The heartbeat statement is prepared: planned each time for its batch all the same.
    customPlans: true,
    ...timeouts,
  })
  await ensureInitialAdmin(db, config.MC_ADMIN_PASSWORD)
  const redis = createRedis(config.REDIS_URL)
  redis.on('error', (err) => logger.warn({ err: err.message }, 'redis connection error'))
  const tokenCipher = createTokenCipher(config.MC_SECRET_KEY)
  await ensureDefaultGateway(db, config, tokenCipher)
  const probes = createProbeDispatcher(config.REDIS_URL, config.REDIS_PREFIX)
  const tokenRotations = createTokenRotationQueue(config.REDIS_URL, config.REDIS_PREFIX)
  const events = createEventPublisher(config.REDIS_URL, config.REDIS_PREFIX, (err) =>
    logger.warn({ err: err.message }, 'event not published'),
  )
  const eventHub = createEventHub(config.REDIS_URL, config.REDIS_PREFIX, logger)
  await eventHub.ready()
  const alerts = createApiAlerts(db, config, events, logger)
  const relay = createRelayHub({ db, tokenCipher, logger, eventHub, config })
  const metrics = createApiMetrics({ db, redis, redisPrefix: config.REDIS_PREFIX })
  const heartbeats = createHeartbeatBatcher(
    ingestDb,
    config.HEARTBEAT_TIMEOUT_S,
    events,
    alerts.evaluator,
    metrics,
  )
  const connects = createConnectBatcher(db, events, alerts.evaluator)
  const app = createApp({
    config,
    db,
    ingestDb,
    redis,
    logger,
    tokenCipher,
    probes,
    tokenRotations,
    alerts,
    events,
    eventHub,
    relay,
    heartbeats,
    connects,
    metrics,
    startedAt: new Date(),
  })

  const listener = await listen(app.fetch, { port: config.PORT, hostname: config.HOST })
  const port = listener.port
  logger.info({ port, host: config.HOST, database: redactUrl(config.DATABASE_URL) }, 'api listening')

  return {
    port,
    async stop() {
      logger.info('api shutting down')
      const drainUntil = Date.now() + config.SHUTDOWN_TIMEOUT_MS - CLOSE_RESERVE_MS
      // Relays first: every browser is told to reconnect (1012), every upstream closes.
      await relay.close()
      // Ends the event streams first: the server only closes once no request is open.
      eventHub.close()
      // Requests in flight (a manual probe waits seconds) finish and get their answers.
      await listener.close(Math.max(0, drainUntil - Date.now()))
      await probes.close()
      await tokenRotations.close()
      await alerts.close()
      await metrics.close()
      events.close()
      await Promise.all([closeDb(db), closeDb(ingestDb)])
      redis.disconnect()
    },
  }
}
