import { findGateway, type GatewayRow, setPendingToken, storeRotatedToken } from '@mc/db'
import {
  connectGateway,
  type GatewayClient,
  type GatewayTarget,
  grantedScopes,
  probeGateway,
  replaceGatewayToken,
  TokenPatchError,
} from '@mc/openclaw'
import { newGatewayToken, type TokenRotationJob, type TokenRotationOutcome } from '@mc/runtime'
import { errorMessage, TOKEN_REJECTED_ERROR, type TokenRotationFailure } from '@mc/shared'
import { CLIENT_VERSION } from '../client-version.ts'
import type { WorkerContext } from '../worker-context.ts'
import { announceTokenChange, auditRotation } from './rotation-record.ts'

type Ctx = Pick<WorkerContext, 'db' | 'redis' | 'config' | 'tokenCipher' | 'logger' | 'alertEvaluator'>

const ADMIN_SCOPES = ['operator.read', 'operator.admin'] as const

export const NO_ADMIN_SCOPE_MESSAGE =
  'the gateway did not grant operator.admin, which it grants only over a direct loopback connection: rotate its token manually'

/** Where the rotation stands: the tokens are kept here only, to be taken out of every message. */
interface Rotation {
  ctx: Ctx
  job: TokenRotationJob
  gateway: GatewayRow
  oldToken: string
  newToken: string
}

/**
 * One automatic rotation: log in with admin scope, set a new token over `config.patch`, and store it
 * (encrypted) once a probe with it works. Any failure leaves the gateway on its old token (put back
 * if the gateway had already taken the new one) and says why. Every step is audited; no token is
 * ever in an outcome, a log line, an audit row or an event.
 */
export async function rotateGatewayToken(ctx: Ctx, job: TokenRotationJob): Promise<TokenRotationOutcome> {
  const gateway = await findGateway(ctx.db, job.gateway_id)
  if (!gateway?.token) {
    return { ok: false, reason: 'no_token', message: 'the gateway has no token to rotate (or is gone)' }
  }
  const rotation: Rotation = {
    ctx,
    job,
    gateway,
    oldToken: ctx.tokenCipher.decrypt(gateway.token),
    newToken: newGatewayToken(),
  }
  const patched = await patch(rotation)
  if (patched !== 'patched') return fail(rotation, patched.reason, patched.message)
  await auditRotation(ctx, job.actor, gateway, 'patched', { mode: 'auto' })
  return verify(rotation)
}

async function patch(
  rotation: Rotation,
): Promise<'patched' | { reason: TokenRotationFailure; message: string }> {
  let client: GatewayClient
  try {
    client = await login(rotation, rotation.oldToken)
  } catch (error) {
    return { reason: 'unreachable', message: `could not log in to the gateway: ${scrub(rotation, error)}` }
  }
  try {
    if (!grantedScopes(client).includes('operator.admin')) {
      return { reason: 'no_admin_scope', message: NO_ADMIN_SCOPE_MESSAGE }
    }
    await replaceGatewayToken(client, rotation.newToken, { timeoutMs: rotation.ctx.config.PROBE_TIMEOUT_MS })
    return 'patched'
  } catch (error) {
    if (error instanceof TokenPatchError) {
      return error.kind === 'no_admin_scope'
        ? { reason: 'no_admin_scope', message: NO_ADMIN_SCOPE_MESSAGE }
        : { reason: 'patch_refused', message: `the gateway refused the new token: ${scrub(rotation, error)}` }
    }
    // No answer to config.patch: the gateway may have taken the token all the same, which the
    // verifying probe tells (and a failed one puts the old token back).
    rotation.ctx.logger.warn(
      { gateway_id: rotation.gateway.id, err: scrub(rotation, error) },
      'no answer to config.patch; verifying the new token',
    )
    return 'patched'
  } finally {
    await client.close()
  }
}

async function verify(rotation: Rotation): Promise<TokenRotationOutcome> {
  const { ctx, job, gateway } = rotation
  const reading = await probe(rotation, rotation.newToken)
  if (reading.status === 'online') {
    const row = await storeRotatedToken(
      ctx.db,
      gateway.id,
      ctx.tokenCipher.encrypt(rotation.newToken),
      'auto',
    )
    if (!row) return fail(rotation, 'verify_failed', 'the gateway was deleted during the rotation')
    await auditRotation(ctx, job.actor, gateway, 'verified', { mode: 'auto', latency_ms: reading.latencyMs })
    await announceTokenChange(ctx, row)
    return { ok: true }
  }
  if (reading.error === TOKEN_REJECTED_ERROR) {
    // Refused, not unreachable: the patch did not apply (its answer was lost), nothing to put back.
    return fail(rotation, 'patch_refused', 'the gateway does not take the new token: it keeps the old one')
  }
  const refused = `a probe with the new token failed (${reading.error ?? reading.status})`
  return fail(rotation, 'verify_failed', `${refused}; ${await putOldTokenBack(rotation)}`)
}

/**
 * After a failed verification: sets the old token again (logged in with the new one, which the
 * gateway may or may not hold). If that fails too, the new token is kept as pending, so that
 * probes adopt it should the gateway hold it: no lock-out either way.
 */
async function putOldTokenBack(rotation: Rotation): Promise<string> {
  const { ctx, gateway } = rotation
  try {
    const client = await login(rotation, rotation.newToken)
    try {
      await replaceGatewayToken(client, rotation.oldToken, { timeoutMs: ctx.config.PROBE_TIMEOUT_MS })
    } finally {
      await client.close()
    }
  } catch (error) {
    const encrypted = ctx.tokenCipher.encrypt(rotation.newToken)
    await setPendingToken(ctx.db, gateway.id, encrypted, ctx.config.TOKEN_PENDING_TTL_H)
    return `putting the old token back failed (${scrub(rotation, error)}): the new token waits as pending and probes adopt it if the gateway holds it`
  }
  const check = await probe(rotation, rotation.oldToken)
  return check.status === 'online'
    ? 'the old token was put back and works'
    : `the old token was put back, but a probe with it failed too (${check.error ?? check.status})`
}

async function fail(rotation: Rotation, reason: TokenRotationFailure, message: string) {
  const { ctx, job, gateway } = rotation
  await auditRotation(ctx, job.actor, gateway, 'failed', { mode: 'auto', reason, message })
  ctx.logger.warn({ gateway_id: gateway.id, reason, message }, 'token rotation failed')
  return { ok: false, reason, message } satisfies TokenRotationOutcome
}

function targetWith(rotation: Rotation, token: string): GatewayTarget {
  const { host, port, tlsInsecure } = rotation.gateway
  return { host, port, token, tlsInsecure }
}

const login = (rotation: Rotation, token: string) =>
  connectGateway(targetWith(rotation, token), {
    clientVersion: CLIENT_VERSION,
    scopes: ADMIN_SCOPES,
    timeoutMs: rotation.ctx.config.PROBE_TIMEOUT_MS,
  })

const probe = (rotation: Rotation, token: string) =>
  probeGateway(targetWith(rotation, token), {
    clientVersion: CLIENT_VERSION,
    timeoutMs: rotation.ctx.config.PROBE_TIMEOUT_MS,
  })

/** An error's message without either token (the gateway's words may quote what it was sent). */
function scrub(rotation: Rotation, error: unknown): string {
  return errorMessage(error)
    .split(rotation.newToken)
    .join('[redacted]')
    .split(rotation.oldToken)
    .join('[redacted]')
}
