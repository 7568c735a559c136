import { pruneInsights } from '@mc/db'
import { QUEUES } from '@mc/runtime'
import type { WorkerContext } from '../worker-context.ts'
import { defineJob } from './job-definition.ts'

/** Tool rollups and daily usage are kept a year, like the probe rollups. */
const YEAR_DAYS = 365

/**
 * Hourly (so that a flooding gateway's timeline never grows far past its cap): raw tool calls
 * older than TOOL_CALL_RETENTION_DAYS, timeline events and authentication failure counts older
 * than GATEWAY_EVENT_RETENTION_DAYS, each gateway's events beyond GATEWAY_EVENT_MAX_ROWS (the
 * newest stay), tool rollups and usage older than a year are deleted.
 */
export const insightRetention = ({ db, config }: Pick<WorkerContext, 'db' | 'config'>) =>
  defineJob<Record<string, never>>({
    queue: QUEUES.insightRetention,
    every: { ms: 60 * 60 * 1000, data: {} },
    process: () =>
      pruneInsights(db, {
        toolCallDays: config.TOOL_CALL_RETENTION_DAYS,
        rollupDays: YEAR_DAYS,
        eventDays: config.GATEWAY_EVENT_RETENTION_DAYS,
        eventMaxRows: config.GATEWAY_EVENT_MAX_ROWS,
      }),
  })
