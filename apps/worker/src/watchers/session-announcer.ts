import { type GatewaySessionRow, presentSession } from '@mc/db'
import { publishEvents } from '@mc/runtime'
import { MAX_SESSIONS_PER_EVENT, type McEvent, nowUnixSeconds } from '@mc/shared'
import type { WorkerContext } from '../worker-context.ts'

type Ctx = Pick<WorkerContext, 'redis' | 'config' | 'alertEvaluator'>

/**
 * Announces stored session changes: one `session.changed` per gateway (however many of its
 * sessions changed: a load of thousands is one event), then has the session rules evaluated.
 */
export async function announceSessionChanges(ctx: Ctx, rows: GatewaySessionRow[]): Promise<void> {
  if (rows.length === 0) return
  const byGateway = new Map<number, GatewaySessionRow[]>()
  for (const row of rows) {
    const changed = byGateway.get(row.gatewayId)
    if (changed) changed.push(row)
    else byGateway.set(row.gatewayId, [row])
  }
  const at = nowUnixSeconds()
  const events: McEvent[] = [...byGateway].map(([gatewayId, changed]) => ({
    type: 'session.changed',
    gateway_id: gatewayId,
    count: changed.length,
    sessions: changed.slice(0, MAX_SESSIONS_PER_EVENT).map(presentSession),
    at,
  }))
  await publishEvents(ctx.redis, ctx.config.REDIS_PREFIX, events)
  // Not awaited, as after probes: incidents never hold up the next batch of sessions.
  void ctx.alertEvaluator.afterSessionChanges(rows.map((row) => row.id))
}
