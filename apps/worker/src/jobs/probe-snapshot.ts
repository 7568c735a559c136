import { pruneProbeTotalSnapshots, snapshotProbeTotals } from '@mc/db'
import { QUEUES } from '@mc/runtime'
import type { WorkerContext } from '../worker-context.ts'
import { defineJob } from './job-definition.ts'
import { scheduledTimeOf } from './scheduled-time.ts'

/** How often the totals are snapshot: how early, at most, the fleet's 24 h uptime window starts. */
const SNAPSHOT_EVERY_MS = 5 * 60 * 1000

/**
 * Every 5 minutes: a snapshot of every gateway's running probe totals, which the fleet's 24 h uptime
 * subtracts from the totals a day later, and the pruning of those too old for that. Keyed by when
 * the iteration was due, so running one iteration twice (a retry, a stalled job taken over by
 * another worker) writes one snapshot.
 */
export const probeSnapshot = ({ db }: Pick<WorkerContext, 'db'>) =>
  defineJob<Record<string, never>>({
    queue: QUEUES.probeSnapshot,
    every: { ms: SNAPSHOT_EVERY_MS, data: {} },
    process: async (job) => ({
      gateways: await snapshotProbeTotals(db, new Date(scheduledTimeOf(job))),
      pruned: await pruneProbeTotalSnapshots(db),
    }),
  })
