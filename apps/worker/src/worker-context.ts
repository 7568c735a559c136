import type { AlertEvaluator, DeliveryContext } from '@mc/alerting'
import type { Database } from '@mc/db'
import type { Logger, TokenCipher } from '@mc/runtime'
import type { Queue } from 'bullmq'
import type { Redis } from 'ioredis'
import type { WorkerConfig } from './config.ts'
import type { WorkerMetrics } from './metrics/worker-metrics.ts'

/** What jobs get from the worker process. */
export interface WorkerContext {
  config: WorkerConfig
  db: Database
  redis: Redis
  logger: Logger
  tokenCipher: TokenCipher
  /** The queue individual gateway probes go through (the sweep fills it). */
  probeQueue: Queue
  /** Automatic token rotations (the schedule fills it; the api adds the ones admins ask for). */
  tokenRotationQueue: Queue
  /** Incidents are evaluated where their facts are written, and delivered by the worker. */
  alerts: DeliveryContext
  alertEvaluator: AlertEvaluator
  /** What this worker's probes and sweeps did, for its metrics port. */
  metrics: WorkerMetrics
}
