import { sweepSessionStates } from '@mc/db'
import { QUEUES } from '@mc/runtime'
import { announceSessionChanges } from '../watchers/session-announcer.ts'
import type { WorkerContext } from '../worker-context.ts'
import { defineJob } from './job-definition.ts'

/**
 * Every SESSION_SWEEP_S: sessions that crossed their idle or stuck threshold as time passed (no
 * event tells) move to that state, and are announced and alerted on like the watchers' changes.
 */
export const sessionSweep = (ctx: Pick<WorkerContext, 'db' | 'redis' | 'config' | 'alertEvaluator'>) =>
  defineJob<Record<string, never>>({
    queue: QUEUES.sessionSweep,
    every: { ms: ctx.config.SESSION_SWEEP_S * 1000, data: {} },
    async process() {
      const moved = await sweepSessionStates(ctx.db, {
        idleS: ctx.config.SESSION_IDLE_S,
        stuckS: ctx.config.SESSION_STUCK_S,
      })
      await announceSessionChanges(ctx, moved)
      return { moved: moved.length }
    },
  })
