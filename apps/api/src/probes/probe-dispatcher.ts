import { type ProbeGatewayJob, probeBatches, QUEUES } from '@mc/runtime'
import type { ProbeResult } from '@mc/shared'
import { createWaitableQueue } from '../jobs/waitable-queue.ts'

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
  const queue = createWaitableQueue<ProbeGatewayJob, ProbeResult[]>(
    redisUrl,
    redisPrefix,
    QUEUES.probeGateway,
  )

  return {
    async probe(gatewayIds, waitMs) {
      const batches = probeBatches(gatewayIds)
      const waits = await queue.run(
        batches.map((ids) => ({ name: 'manual', data: { gateway_ids: ids, reason: 'manual' } })),
        waitMs,
      )
      const results = new Map<number, ProbeResult | null>()
      waits.forEach((wait, index) => {
        if (wait.status !== 'done') return
        // A finished batch accounts for all of its ids: those without a result were deleted meanwhile.
        for (const id of batches[index] ?? []) results.set(id, null)
        for (const result of wait.result) results.set(result.id, result)
      })
      return results
    },
    close: () => queue.close(),
  }
}
