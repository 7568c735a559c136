import { QUEUES } from '@mc/runtime'
import type { Queue } from 'bullmq'
import { afterAll, beforeAll } from 'vitest'
import { type JobRunner, startJobRunner } from '../job-runner.ts'
import { alertDelivery } from '../jobs/alert-delivery.ts'
import type { WorkerContext } from '../worker-context.ts'

/**
 * The alert delivery job, running on the test file's context for all its tests (the alert tick is
 * left to the tests, which run it by hand where they need it). `queue()` pauses and resumes it.
 */
export function useAlertDeliveryRunner(ctx: WorkerContext): { queue(): Queue } {
  let runner: JobRunner | undefined
  beforeAll(async () => {
    runner = await startJobRunner([alertDelivery(ctx)], {
      connection: ctx.redis,
      prefix: ctx.config.REDIS_PREFIX,
      logger: ctx.logger,
    })
  })
  afterAll(() => runner?.close())
  return {
    queue() {
      const queue = runner?.queues.get(QUEUES.alertDelivery)
      if (!queue) throw new Error('the delivery runner has not started')
      return queue
    },
  }
}
