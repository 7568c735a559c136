import { type AlertContext, type AlertEvaluator, createAlertEvaluator } from '@mc/alerting'
import type { Database } from '@mc/db'
import { bullPrefix, createRedis, type EventPublisher, type Logger, QUEUES } from '@mc/runtime'
import { Queue } from 'bullmq'
import type { ApiConfig } from '../config.ts'

/** What the api needs to queue incident notices (the worker's delivery queue, opened once) and to evaluate rules. */
export interface ApiAlerts {
  context: AlertContext
  /** An agent back (a connect) resolves `agent_lost`; recorded token usage may break a budget. */
  evaluator: AlertEvaluator
  close(): Promise<void>
}

/** A manual resolve queues its notice as the worker's evaluation does: the worker delivers it. */
export function createApiAlerts(
  db: Database,
  config: ApiConfig,
  events: EventPublisher,
  logger: Logger,
): ApiAlerts {
  const connection = createRedis(config.REDIS_URL)
  const deliveryQueue = new Queue(QUEUES.alertDelivery, {
    connection,
    prefix: bullPrefix(config.REDIS_PREFIX),
  })
  const context: AlertContext = {
    db,
    deliveryQueue,
    publish: (list) => events.publishAll(list),
    settings: config,
  }
  return {
    context,
    evaluator: createAlertEvaluator(context, (err) =>
      logger.error({ err }, 'alert evaluation failed; the next one catches up'),
    ),
    async close() {
      await deliveryQueue.close()
      connection.disconnect()
    },
  }
}
