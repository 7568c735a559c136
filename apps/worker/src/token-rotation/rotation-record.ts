import { type GatewayRow, presentGateway, recordAudit } from '@mc/db'
import { publishEvents } from '@mc/runtime'
import { type McEvent, nowUnixSeconds } from '@mc/shared'
import type { WorkerContext } from '../worker-context.ts'

/** The audit actions of a token rotation's steps (the api records `requested` for the ones it asks for). */
export type RotationStep = 'requested' | 'patched' | 'verified' | 'failed' | 'promoted' | 'expired'

type Ctx = Pick<WorkerContext, 'db' | 'redis' | 'config' | 'alertEvaluator'>

/** One step of a rotation in the audit log. `detail` names what happened, never a token. */
export function auditRotation(
  ctx: Pick<WorkerContext, 'db'>,
  actor: string,
  gateway: { id: number; name: string },
  step: RotationStep,
  detail: Record<string, unknown>,
): Promise<void> {
  return recordAudit(ctx.db, {
    actor,
    action: `gateway.token_rotation.${step}`,
    target: `gateway:${gateway.name}#${gateway.id}`,
    detail,
  })
}

/**
 * A gateway whose token was replaced: browsers refresh its age, and a stale-token incident clears
 * at once. Not `token_changed`: the gateway itself drops the connections on the old token (4001),
 * and relays and watchers reconnect with the stored one, so live views carry on.
 */
export async function announceTokenChange(ctx: Ctx, row: GatewayRow): Promise<void> {
  const event: McEvent = {
    type: 'gateway.updated',
    gateway: presentGateway(row, ctx.config.TOKEN_MAX_AGE_DAYS),
    token_changed: false,
    at: nowUnixSeconds(),
  }
  await publishEvents(ctx.redis, ctx.config.REDIS_PREFIX, [event])
  await ctx.alertEvaluator.afterTokenChange(row.id)
}
