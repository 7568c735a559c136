import { rollUpToolHours } from '@mc/db'
import { QUEUES } from '@mc/runtime'
import type { WorkerContext } from '../worker-context.ts'
import { defineJob } from './job-definition.ts'

/**
 * Without a watermark (first run, or Redis lost its data) the calls recorded this long ago are
 * rolled up again: older ones were rolled up by earlier runs, unless the jobs stopped meanwhile.
 */
const FALLBACK_LOOKBACK_MS = 2 * 60 * 60 * 1000

/**
 * Every minute: the hours of `gateway_tool_hourly` that gained calls since the last run are
 * recomputed from the raw calls. Where the last run got to is kept in Redis; recomputing is
 * idempotent, so a lost or stale watermark only costs work.
 */
export const toolRollup = ({ db, redis, config }: Pick<WorkerContext, 'db' | 'redis' | 'config'>) => {
  const key = `${config.REDIS_PREFIX}:tool-rollup:since`
  return defineJob<Record<string, never>>({
    queue: QUEUES.toolRollup,
    every: { ms: 60_000, data: {} },
    async process() {
      const stored = Number(await redis.get(key))
      const since = new Date(stored > 0 ? stored : Date.now() - FALLBACK_LOOKBACK_MS)
      const { rows, until } = await rollUpToolHours(db, since, config.TOOL_CALL_RETENTION_DAYS)
      await redis.set(key, String(until.getTime()))
      return { rows }
    },
  })
}
