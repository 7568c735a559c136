import { pruneEndedSessions } from '@mc/db'
import { QUEUES } from '@mc/runtime'
import type { WorkerContext } from '../worker-context.ts'
import { defineJob } from './job-definition.ts'

const HOUR_MS = 60 * 60 * 1000

/** Every 6 hours: sessions that ended more than SESSION_RETENTION_DAYS ago are deleted. */
export const sessionRetention = ({ db, config }: Pick<WorkerContext, 'db' | 'config'>) =>
  defineJob<Record<string, never>>({
    queue: QUEUES.sessionRetention,
    every: { ms: 6 * HOUR_MS, data: {} },
    process: async () => ({ deleted: await pruneEndedSessions(db, config.SESSION_RETENTION_DAYS) }),
  })
