import { presentGateway, recordProbes } from '@mc/db'
import type { ProbeReading } from '@mc/openclaw'
import { publishEvents } from '@mc/runtime'
import { gatewayStatusEvent, type McEvent, type ProbeResult, probeResultOf } from '@mc/shared'
import type { WorkerContext } from '../worker-context.ts'
import { createFailoverDecider } from './failover-decider.ts'

type Ctx = Pick<WorkerContext, 'db' | 'config' | 'redis' | 'logger' | 'alertEvaluator'>

interface Finished {
  gatewayId: number
  reading: ProbeReading
  resolve(result: ProbeResult | null): void
  reject(error: unknown): void
}

export interface ProbeRecorder {
  /**
   * Stores a finished probe and announces the gateway it left behind (browsers show latency and
   * counts live; a flip is old_status !== status); null when the gateway was deleted meanwhile.
   */
  record(gatewayId: number, reading: ProbeReading): Promise<ProbeResult | null>
}

// A group's answer is handled in one go on the worker's thread (rows, events): kept small, it never
// holds up the frames of the probes still running for more than a few ms.
const MAX_PROBES_PER_STATEMENT = 50

/**
 * Stores probes as they finish, in groups: the first is stored at once, and the ones that finish
 * while a group is being stored go together in the next (one statement and one Redis round trip
 * for the lot). So no probe waits for a slower one, and a sweep costs a few dozen round trips
 * instead of two per probe, which would otherwise keep the worker's thread from the probes' frames.
 */
export function createProbeRecorder(ctx: Ctx): ProbeRecorder {
  const queued: Finished[] = []
  let storing = false
  const failover = createFailoverDecider(ctx)

  async function storeQueued(): Promise<void> {
    storing = true
    while (queued.length > 0) await storeGroup(takeGroup(queued))
    storing = false
  }

  async function storeGroup(group: Finished[]): Promise<void> {
    try {
      const recorded = await recordProbes(ctx.db, group, ctx.config.FAILURE_THRESHOLD)
      const events: McEvent[] = []
      const results = recorded.map((row) => {
        if (!row) return null
        const gateway = presentGateway(row.gateway, ctx.config.TOKEN_MAX_AGE_DAYS)
        events.push(gatewayStatusEvent(gateway, row.previousStatus))
        return probeResultOf(gateway)
      })
      await publishEvents(ctx.redis, ctx.config.REDIS_PREFIX, events)
      // Not awaited: incidents and their notices never hold up the probes still being stored.
      void ctx.alertEvaluator.afterProbes(
        recorded.flatMap((row) =>
          row ? [{ gatewayId: row.gateway.id, previousVersion: row.previousVersion }] : [],
        ),
      )
      // Awaited, unlike the alerts: a dead primary's failover starts the moment its probe is stored,
      // not behind the next groups, and the probe (a manual one, a test) is answered once the role
      // has moved. It holds up the next group only when the primary is failing or a former primary
      // is back, for a short transaction or two that never throw.
      await failover.afterProbes(recorded.flatMap((row) => (row ? [row.gateway] : [])))
      for (const [index, finished] of group.entries()) finished.resolve(results[index] ?? null)
    } catch (error) {
      for (const finished of group) finished.reject(error)
    }
  }

  return {
    record(gatewayId, reading) {
      return new Promise((resolve, reject) => {
        queued.push({ gatewayId, reading, resolve, reject })
        if (!storing) void storeQueued()
      })
    },
  }
}

/**
 * Takes the oldest probes, one per gateway (a manual and a scheduled probe of one gateway may finish
 * together; the later one goes in the next group, so they are stored in the order they finished).
 */
function takeGroup(queued: Finished[]): Finished[] {
  const group: Finished[] = []
  const gateways = new Set<number>()
  for (let i = 0; i < queued.length && group.length < MAX_PROBES_PER_STATEMENT; ) {
    const finished = queued[i] as Finished
    if (gateways.has(finished.gatewayId)) {
      i += 1
      continue
    }
    gateways.add(finished.gatewayId)
    group.push(finished)
    queued.splice(i, 1)
  }
  return group
}
