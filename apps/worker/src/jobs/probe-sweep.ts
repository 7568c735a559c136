import { listGatewayIdsInProbeOrder } from '@mc/db'
import { type ProbeGatewayJob, probeBatches, probeGatewayJobSchema, QUEUES } from '@mc/runtime'
import type { WorkerContext } from '../worker-context.ts'
import { defineJob } from './job-definition.ts'
import { scheduledTimeOf } from './scheduled-time.ts'

/**
 * Every PROBE_INTERVAL_S: queues every registered gateway, in batches (so additions and deletions
 * count from the next tick). A tick is the iteration's due time, so the per-tick job ids keep a
 * retried tick from queueing twice while every tick gets its own. A gateway whose probe still waits
 * in the queue (an earlier tick's, or a manual one) is not queued again: that probe is still to
 * come, so this tick is served by it. So a slow fleet never builds a backlog, and a tick that comes
 * early (a worker start creates one at once) never costs a later tick its probes.
 */
export const probeSweep = ({
  db,
  config,
  probeQueue,
  logger,
}: Pick<WorkerContext, 'db' | 'config' | 'probeQueue' | 'logger'>) =>
  defineJob<Record<string, never>>({
    queue: QUEUES.probeSweep,
    every: { ms: config.PROBE_INTERVAL_S * 1000, data: {} },
    async process(job) {
      const tick = scheduledTimeOf(job)
      const waiting = await gatewaysWaitingForProbe(probeQueue)
      const due = (await listGatewayIdsInProbeOrder(db)).filter((id) => !waiting.has(id))
      if (waiting.size > 0) logger.warn({ tick, waiting: waiting.size }, 'probes still queued from before')
      await probeQueue.addBulk(
        probeBatches(due).map((ids, index) => ({
          name: 'scheduled',
          data: { gateway_ids: ids, reason: 'scheduled' } satisfies ProbeGatewayJob,
          opts: {
            jobId: `tick-${tick}-${index}`,
            removeOnComplete: { count: 1000 },
            removeOnFail: { count: 1000 },
          },
        })),
      )
      return { queued: due.length, already_waiting: waiting.size, tick }
    },
  })

async function gatewaysWaitingForProbe(probeQueue: WorkerContext['probeQueue']): Promise<Set<number>> {
  const jobs = await probeQueue.getWaiting()
  return new Set(jobs.flatMap((job) => probeGatewayJobSchema.safeParse(job.data).data?.gateway_ids ?? []))
}
