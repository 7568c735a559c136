import { deleteExpiredSignIns } from '@mc/db'
import { QUEUES } from '@mc/runtime'
import type { WorkerContext } from '../worker-context.ts'
import { defineJob } from './job-definition.ts'

/** Deletes sign-ins past their expiry, so their table does not grow without bound. */
export const pruneExpiredSignIns = ({ db }: Pick<WorkerContext, 'db'>) =>
  defineJob<Record<string, never>>({
    queue: QUEUES.pruneSignIns,
    every: { ms: 60 * 60 * 1000, data: {} },
    process: async () => ({ deleted: await deleteExpiredSignIns(db) }),
  })
