import { expirePendingTokens, finishRotation, gatewaysDueForRotation, tryStartRotation } from '@mc/db'
import { QUEUES, type TokenRotationJob } from '@mc/runtime'
import { auditRotation } from '../token-rotation/rotation-record.ts'
import type { WorkerContext } from '../worker-context.ts'
import { defineJob } from './job-definition.ts'

/** Rotation schedules are in days: a check every few minutes starts each one close enough to its time. */
export const TOKEN_ROTATION_CHECK_MS = 10 * 60_000

const SCHEDULE_ACTOR = 'schedule'

/**
 * Every 10 minutes: queues an automatic rotation of each gateway whose `rotate_every_days` has
 * passed (one that is already rotating is left to that rotation), and drops the manual rotations'
 * pending tokens that expired unused.
 */
export const tokenRotationSchedule = (ctx: Pick<WorkerContext, 'db' | 'tokenRotationQueue'>) =>
  defineJob<Record<string, never>>({
    queue: QUEUES.tokenRotationSchedule,
    every: { ms: TOKEN_ROTATION_CHECK_MS, data: {} },
    async process() {
      let queued = 0
      for (const gateway of await gatewaysDueForRotation(ctx.db)) {
        if (!(await tryStartRotation(ctx.db, gateway.id))) continue
        try {
          await auditRotation(ctx, SCHEDULE_ACTOR, gateway, 'requested', { mode: 'auto' })
          await ctx.tokenRotationQueue.add(
            'scheduled',
            { gateway_id: gateway.id, actor: SCHEDULE_ACTOR } satisfies TokenRotationJob,
            { removeOnComplete: { count: 1000 }, removeOnFail: { count: 1000 } },
          )
        } catch (error) {
          // No job to end the rotation: the next check tries again.
          await finishRotation(ctx.db, gateway.id)
          throw error
        }
        queued += 1
      }
      const expired = await expirePendingTokens(ctx.db)
      for (const gateway of expired) {
        await auditRotation(ctx, SCHEDULE_ACTOR, gateway, 'expired', { mode: 'manual' })
      }
      return { queued, expired: expired.length }
    },
  })
