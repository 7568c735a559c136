import { randomUUID } from 'node:crypto'
import { bullPrefix, createRedis, type ProbeGatewayJob, probeBatches, QUEUES } from '@mc/runtime'
import type { ProbeResult } from '@mc/shared'
import { Queue, QueueEvents } from 'bullmq'

/**
 * Runs manual probes through the worker's probe queue (the api never probes in a request) and
 * waits for their results, up to a deadline.
 */
export interface ProbeDispatcher {
  /** Results of the probes that finished in time; the ids that did not are missing from the map. */
  probe(gatewayIds: number[], waitMs: number): Promise<Map<number, ProbeResult | null>>
  close(): Promise<void>
}

export function createProbeDispatcher(redisUrl: string, redisPrefix: string): ProbeDispatcher {
  // QueueEvents blocks on its connection, so it gets one of its own.
  const connection = createRedis(redisUrl)
  const eventsConnection = createRedis(redisUrl)
  const prefix = bullPrefix(redisPrefix)
  const queue = new Queue(QUEUES.probeGateway, { connection, prefix })
  const events = new QueueEvents(QUEUES.probeGateway, { connection: eventsConnection, prefix })

  return {
    async probe(gatewayIds, waitMs) {
      await events.waitUntilReady()
      const jobs = await queue.addBulk(
        probeBatches(gatewayIds).map((ids) => ({
          name: 'manual',
          data: { gateway_ids: ids, reason: 'manual' } satisfies ProbeGatewayJob,
          opts: {
            jobId: `manual-${randomUUID()}`,
            removeOnComplete: { age: 3600 },
            removeOnFail: { age: 3600 },
          },
        })),
      )
      const settled = await Promise.allSettled(
        jobs.map((job) => job.waitUntilFinished(events, waitMs) as Promise<ProbeResult[]>),
      )
      const results = new Map<number, ProbeResult | null>()
      const batches = probeBatches(gatewayIds)
      settled.forEach((outcome, index) => {
        if (outcome.status !== 'fulfilled') return
        // A finished batch accounts for all of its ids: those without a result were deleted meanwhile.
        for (const id of batches[index] ?? []) results.set(id, null)
        for (const result of outcome.value) results.set(result.id, result)
      })
      return results
    },
    async close() {
      await events.close()
      await queue.close()
      connection.disconnect()
      eventsConnection.disconnect()
    },
  }
}
