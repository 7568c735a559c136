import { pruneProbeHistory, pruneStatusChanges, rollUpProbeHours } from '@mc/db'
import { QUEUES } from '@mc/runtime'
import type { WorkerContext } from '../worker-context.ts'
import { defineJob } from './job-definition.ts'

const HOUR_MS = 60 * 60 * 1000
/** Rollups are kept a year; raw probes and status flips PROBE_RETENTION_DAYS. */
const ROLLUP_RETENTION_DAYS = 365

/**
 * Hourly: recompute the last three complete hours, and every hour since the last rollup (a worker
 * that was down catches up: the uptime figures read rolled-up hours from the rollups alone).
 */
export const probeRollup = ({ db }: Pick<WorkerContext, 'db'>) =>
  defineJob<Record<string, never>>({
    queue: QUEUES.probeRollup,
    every: { ms: HOUR_MS, data: {} },
    process: async () => ({ rows: await rollUpProbeHours(db, 3) }),
  })

export const probeRetention = ({ db, config }: Pick<WorkerContext, 'db' | 'config'>) =>
  defineJob<Record<string, never>>({
    queue: QUEUES.probeRetention,
    every: { ms: 6 * HOUR_MS, data: {} },
    process: async () => ({
      ...(await pruneProbeHistory(db, config.PROBE_RETENTION_DAYS, ROLLUP_RETENTION_DAYS)),
      flips: await pruneStatusChanges(db, config.PROBE_RETENTION_DAYS),
    }),
  })
