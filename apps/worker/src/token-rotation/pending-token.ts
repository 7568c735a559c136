import { countTokenMismatch, findUnexpiredPendingToken, promotePendingToken } from '@mc/db'
import { type GatewayTarget, type ProbeReading, probeGateway } from '@mc/openclaw'
import { errorMessage, TOKEN_REJECTED_ERROR } from '@mc/shared'
import { CLIENT_VERSION } from '../client-version.ts'
import type { WorkerContext } from '../worker-context.ts'
import { announceTokenChange, auditRotation } from './rotation-record.ts'

type Ctx = Pick<WorkerContext, 'db' | 'redis' | 'config' | 'tokenCipher' | 'logger' | 'alertEvaluator'>

/** Promotions are the probes' doing, not a person's. */
const PROMOTION_ACTOR = 'system'

type ProbedGateway = { id: number } & Omit<GatewayTarget, 'token'>

/**
 * Probes with a manual rotation's pending token (encrypted): if the gateway takes it, its owner has
 * applied it, and it becomes the current token. The reading when it did; null when it did not.
 */
export async function tryPendingToken(
  ctx: Ctx,
  gateway: ProbedGateway,
  encryptedPending: string,
): Promise<ProbeReading | null> {
  try {
    const { host, port, tlsInsecure } = gateway
    const reading = await probeGateway(
      { host, port, tlsInsecure, token: ctx.tokenCipher.decrypt(encryptedPending) },
      { timeoutMs: ctx.config.PROBE_TIMEOUT_MS, clientVersion: CLIENT_VERSION },
    )
    if (reading.status !== 'online') return null
    const row = await promotePendingToken(ctx.db, gateway.id, encryptedPending)
    // A newer manual rotation replaced the token meanwhile: it waits for its own turn.
    if (!row) return null
    await auditRotation(ctx, PROMOTION_ACTOR, row, 'promoted', { mode: 'manual' })
    await announceTokenChange(ctx, row)
    return reading
  } catch (error) {
    ctx.logger.warn({ gateway_id: gateway.id, err: errorMessage(error) }, 'trying the pending token failed')
    return null
  }
}

/**
 * A probe's reading, after a refusal of the current token: the refusal is counted, and a manual
 * rotation's pending token (unexpired) is tried next. If the gateway takes it, that probe's reading
 * is the result. Otherwise the refusal is.
 */
export async function withPendingTokenTried(
  ctx: Ctx,
  gateway: ProbedGateway,
  refused: ProbeReading,
): Promise<ProbeReading> {
  if (refused.error !== TOKEN_REJECTED_ERROR) return refused
  try {
    await countTokenMismatch(ctx.db, gateway.id)
    const pending = await findUnexpiredPendingToken(ctx.db, gateway.id)
    if (pending === null) return refused
    return (await tryPendingToken(ctx, gateway, pending)) ?? refused
  } catch (error) {
    ctx.logger.warn({ gateway_id: gateway.id, err: errorMessage(error) }, 'trying the pending token failed')
    return refused
  }
}
