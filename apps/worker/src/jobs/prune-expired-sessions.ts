import { deleteExpiredSessions } from '@mc/db'
import { defineJob } from './job-definition.ts'

/** Deletes login sessions past their expiry, so the sessions table does not grow without bound. */
export const pruneExpiredSessions = defineJob<Record<string, never>>({
  queue: 'prune-expired-sessions',
  every: { ms: 60 * 60 * 1000, data: {} },
  async process(_job, { db }) {
    const deleted = await deleteExpiredSessions(db)
    return { deleted }
  },
})
