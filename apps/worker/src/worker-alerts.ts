import { createAlertEvaluator, type DeliveryContext, sendOptions } from '@mc/alerting'
import { bullPrefix, publishEvents, QUEUES } from '@mc/runtime'
import { Queue } from 'bullmq'
import type { WorkerContext } from './worker-context.ts'

/** A receiver that takes longer fails the attempt; the job retries it later. */
const ALERT_SEND_TIMEOUT_MS = 10_000

/** The worker's part in alerting: evaluating rules where probes and sweeps write, and delivering. */
export function createWorkerAlerts({
  config,
  db,
  redis,
  logger,
  tokenCipher,
}: Pick<WorkerContext, 'config' | 'db' | 'redis' | 'logger' | 'tokenCipher'>) {
  const deliveryQueue = new Queue(QUEUES.alertDelivery, {
    connection: redis,
    prefix: bullPrefix(config.REDIS_PREFIX),
  })
  const alerts: DeliveryContext = {
    db,
    deliveryQueue,
    publish: (events) => publishEvents(redis, config.REDIS_PREFIX, events),
    settings: config,
    cipher: tokenCipher,
    sendOptions: sendOptions(config, ALERT_SEND_TIMEOUT_MS),
  }
  const alertEvaluator = createAlertEvaluator(alerts, (err) =>
    logger.error({ err }, 'alert evaluation failed; the next one catches up'),
  )
  return { alerts, alertEvaluator, close: () => deliveryQueue.close() }
}
