import { finishRotation } from '@mc/db'
import { QUEUES, type TokenRotationJob, type TokenRotationOutcome, tokenRotationJobSchema } from '@mc/runtime'
import { rotateGatewayToken } from '../token-rotation/rotate-gateway-token.ts'
import type { WorkerContext } from '../worker-context.ts'
import { defineJob } from './job-definition.ts'

/**
 * One automatic token rotation, asked for by the api or the schedule (which took the gateway's
 * rotation lock with `tryStartRotation`): released here however the rotation ends.
 */
export const tokenRotation = (
  ctx: Pick<WorkerContext, 'db' | 'redis' | 'config' | 'tokenCipher' | 'logger' | 'alertEvaluator'>,
) =>
  defineJob<TokenRotationJob>({
    queue: QUEUES.tokenRotation,
    concurrency: 4,
    async process(job): Promise<TokenRotationOutcome> {
      const data = tokenRotationJobSchema.parse(job.data)
      try {
        return await rotateGatewayToken(ctx, data)
      } finally {
        await finishRotation(ctx.db, data.gateway_id)
      }
    },
  })
