import { listGatewayIds } from '@mc/db'
import { type ProbeGatewayJob, probeBatches, QUEUES } from '@mc/runtime'
import type { WorkerContext } from '../worker-context.ts'
import { defineJob } from './job-definition.ts'

/**
 * Every PROBE_INTERVAL_S: queues every registered gateway, in batches (so additions and deletions
 * count from the next tick). The per-tick job ids keep two workers from queueing one tick twice, and
 * a tick is skipped while the previous one's probes still wait, so a slow fleet never builds a backlog.
 */
export const probeSweep = ({
  db,
  config,
  probeQueue,
  logger,
}: Pick<WorkerContext, 'db' | 'config' | 'probeQueue' | 'logger'>) => {
  const intervalMs = config.PROBE_INTERVAL_S * 1000
  return defineJob<Record<string, never>>({
    queue: QUEUES.probeSweep,
    every: { ms: intervalMs, data: {} },
    async process(job) {
      const tick = Math.floor(job.timestamp / intervalMs)
      const waiting = await probeQueue.getWaitingCount()
      if (waiting > 0) {
        logger.warn({ tick, waiting }, 'previous probes still queued: skipping this tick')
        return { queued: 0, tick, skipped: true }
      }
      const batches = probeBatches(await listGatewayIds(db))
      await probeQueue.addBulk(
        batches.map((ids, index) => ({
          name: 'scheduled',
          data: { gateway_ids: ids, reason: 'scheduled' } satisfies ProbeGatewayJob,
          opts: {
            jobId: `tick-${tick}-${index}`,
            removeOnComplete: { count: 1000 },
            removeOnFail: { count: 1000 },
          },
        })),
      )
      return { queued: batches.flat().length, tick }
    },
  })
}
