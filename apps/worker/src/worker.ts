import { closeDb, createDb, runMigrations } from '@mc/db'
import {
  assertPostgresReachable,
  assertRedisReachable,
  bullPrefix,
  createLogger,
  createRedis,
  createTokenCipher,
  QUEUES,
} from '@mc/runtime'
import { Queue } from 'bullmq'
import type { WorkerConfig } from './config.ts'
import { startHeartbeat } from './heartbeat.ts'
import { type JobRunner, startJobRunner } from './job-runner.ts'
import { createJobDefinitions } from './jobs/index.ts'
import type { JobDefinition } from './jobs/job-definition.ts'
import { serveWorkerMetrics } from './metrics/metrics-server.ts'
import { createWorkerMetrics } from './metrics/worker-metrics.ts'
import { startWatcherPool } from './watchers/watcher-pool.ts'
import { createWorkerAlerts } from './worker-alerts.ts'
import type { WorkerContext } from './worker-context.ts'

/**
 * Every interface, so Prometheus in another container can scrape it; it shows no gateway names and
 * no secrets, and asks for METRICS_TOKEN when one is set.
 */
const METRICS_HOST = '0.0.0.0'

export interface RunningWorker {
  jobs: JobRunner
  stop(): Promise<void>
}

/**
 * Boots a worker: checks dependencies, migrates, starts every job, the gateway session watchers
 * (unless WATCHERS_ENABLED is off) and the liveness heartbeat.
 */
export async function startWorker(
  config: WorkerConfig,
  chooseJobs: (ctx: WorkerContext) => JobDefinition[] = createJobDefinitions,
): Promise<RunningWorker> {
  const logger = createLogger({
    service: 'worker',
    level: config.LOG_LEVEL,
    format: config.LOG_FORMAT,
  }).child({
    worker_id: config.WORKER_ID,
  })
  await assertPostgresReachable(config.DATABASE_URL)
  await assertRedisReachable(config.REDIS_URL)
  if (config.MIGRATE_ON_START) await runMigrations(config.DATABASE_URL)

  const db = createDb(config.DATABASE_URL, {
    max: config.DB_POOL_MAX,
    applicationName: 'mc-worker',
    connectTimeoutMs: config.DB_CONNECT_TIMEOUT_MS,
    statementTimeoutMs: config.DB_STATEMENT_TIMEOUT_MS,
  })
  const redis = createRedis(config.REDIS_URL)
  redis.on('error', (err) => logger.warn({ err: err.message }, 'redis connection error'))
  const probeQueue = new Queue(QUEUES.probeGateway, {
    connection: redis,
    prefix: bullPrefix(config.REDIS_PREFIX),
  })
  const tokenRotationQueue = new Queue(QUEUES.tokenRotation, {
    connection: redis,
    prefix: bullPrefix(config.REDIS_PREFIX),
  })
  const tokenCipher = createTokenCipher(config.MC_SECRET_KEY)
  const metrics = createWorkerMetrics()
  const {
    alerts,
    alertEvaluator,
    close: closeAlerts,
  } = createWorkerAlerts({ config, db, redis, logger, tokenCipher })
  const ctx: WorkerContext = {
    config,
    db,
    redis,
    logger,
    tokenCipher,
    probeQueue,
    tokenRotationQueue,
    alerts,
    alertEvaluator,
    metrics,
  }
  const metricsServer = await serveWorkerMetrics(
    {
      registry: metrics.registry,
      port: config.WORKER_METRICS_PORT,
      host: METRICS_HOST,
      token: config.METRICS_TOKEN,
    },
    logger,
  )
  const jobs = await startJobRunner(chooseJobs(ctx), {
    connection: redis,
    prefix: config.REDIS_PREFIX,
    logger,
  })
  const watchers = config.WATCHERS_ENABLED ? startWatcherPool({ ...ctx, workerId: config.WORKER_ID }) : null
  const heartbeat = startHeartbeat({
    redis,
    prefix: config.REDIS_PREFIX,
    workerId: config.WORKER_ID,
    intervalS: config.WORKER_HEARTBEAT_S,
    logger,
  })
  logger.info('worker started')

  return {
    jobs,
    async stop() {
      logger.info('worker shutting down')
      await metricsServer?.close()
      await heartbeat.stop()
      await watchers?.stop()
      await jobs.close()
      await probeQueue.close()
      await tokenRotationQueue.close()
      await closeAlerts()
      await closeDb(db)
      redis.disconnect()
    },
  }
}
