import { deleteExpiredSessions } from '@mc/db'
import { QUEUES } from '@mc/shared'
import type { WorkerContext } from '../worker-context.ts'
import { defineJob } from './job-definition.ts'

/** Deletes sign-in sessions past their expiry, so the sessions table does not grow without bound. */
export const pruneExpiredSessions = ({ db }: Pick<WorkerContext, 'db'>) =>
  defineJob<Record<string, never>>({
    queue: QUEUES.pruneSessions,
    every: { ms: 60 * 60 * 1000, data: {} },
    process: async () => ({ deleted: await deleteExpiredSessions(db) }),
  })
