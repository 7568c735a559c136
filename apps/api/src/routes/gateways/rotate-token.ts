import {
  findGateway,
  finishRotation,
  type GatewayRow,
  presentGateway,
  setPendingToken,
  tryStartRotation,
} from '@mc/db'
import { newGatewayToken } from '@mc/runtime'
import {
  autoRotationResponseSchema,
  manualRotationResponseSchema,
  nowUnixSeconds,
  type RotateTokenResponse,
  rotateTokenRequestSchema,
} from '@mc/shared'
import type { Context } from 'hono'
import type { RouteDeps } from '../../app-deps.ts'
import { requestAudit } from '../../audit/request-audit.ts'
import { actorName } from '../../auth/actor.ts'
import type { AppEnv } from '../../http/app-env.ts'
import { HttpError } from '../../http/http-error.ts'
import type { RouteDef } from '../../http/route.ts'
import { idParamsSchema, parseBody, parseId } from '../../http/validation.ts'
import { applyTokenCommand } from '../../token-rotation/apply-token-command.ts'
import { rotationFailure } from '../../token-rotation/outcome-error.ts'

/**
 * How long a request waits for the worker's rotation: about ten gateway round trips (log in,
 * config.get, config.patch, a retry on a stale hash, the verifying probe, putting the old token back
 * after a failed one), each bounded by PROBE_TIMEOUT_MS, plus queueing.
 */
const rotationWaitMs = (probeTimeoutMs: number) => 10 * probeTimeoutMs + 3000

const busy = () => new HttpError(409, 'a rotation of this gateway is already running', { reason: 'busy' })

/**
 * `POST /api/gateways/:id/rotate-token`. Both modes need a current token: `auto` logs in with it,
 * and the worker promotes a `manual` one only when the current token is refused; a gateway without
 * a token gets one by an edit (PUT /api/gateways). A manual rotation holds the rotation lock too,
 * for the moment it stores its pending token, so it never races an automatic one.
 */
export function rotateTokenRoutes({
  db,
  config,
  tokenCipher,
  events,
  tokenRotations,
}: Pick<RouteDeps, 'db' | 'config' | 'tokenCipher' | 'events' | 'tokenRotations'>): RouteDef[] {
  const audit = requestAudit(db, config)
  const present = (row: GatewayRow) => presentGateway(row, config.TOKEN_MAX_AGE_DAYS)
  const target = (row: GatewayRow) => `gateway:${row.name}#${row.id}`

  async function manual(c: Context<AppEnv>, gateway: GatewayRow) {
    if (!(await tryStartRotation(db, gateway.id))) throw busy()
    const token = newGatewayToken()
    let row: GatewayRow | undefined
    try {
      row = await setPendingToken(db, gateway.id, tokenCipher.encrypt(token), config.TOKEN_PENDING_TTL_H)
    } finally {
      await finishRotation(db, gateway.id)
    }
    if (!row) throw new HttpError(404, `no gateway with id ${gateway.id}`)
    const presented = present(row)
    const expiresAt = presented.token_pending_expires_at
    if (expiresAt === null) throw new Error('a pending token was stored without its expiry')
    await audit(c, 'gateway.token_rotation.requested', target(row), { mode: 'manual', expires_at: expiresAt })
    // The current token stays until the gateway takes the new one: relays keep their upstreams.
    events.publish({
      type: 'gateway.updated',
      gateway: presented,
      token_changed: false,
      at: nowUnixSeconds(),
    })
    const body: RotateTokenResponse = {
      mode: 'manual',
      gateway: presented,
      token,
      command: applyTokenCommand(token),
      expires_at: expiresAt,
    }
    // Shown this once: no cache may keep it.
    c.header('cache-control', 'no-store')
    return c.json(body, 201)
  }

  async function auto(c: Context<AppEnv>, gateway: GatewayRow) {
    if (!(await tryStartRotation(db, gateway.id))) throw busy()
    // From here the worker's job ends the rotation; only a job that never got queued ends it here.
    let wait: Awaited<ReturnType<typeof tokenRotations.run>>[number] | undefined
    try {
      await audit(c, 'gateway.token_rotation.requested', target(gateway), { mode: 'auto' })
      const data = { gateway_id: gateway.id, actor: actorName(c.var.principal) }
      ;[wait] = await tokenRotations.run([{ name: 'rotate', data }], rotationWaitMs(config.PROBE_TIMEOUT_MS))
    } catch (error) {
      await finishRotation(db, gateway.id)
      throw error
    }
    if (!wait || wait.status === 'pending') {
      throw new HttpError(
        504,
        'the rotation is still running: the gateway list shows the new token age once it is done, or the audit log why not',
      )
    }
    if (wait.status === 'failed') {
      await finishRotation(db, gateway.id)
      throw new HttpError(502, `the rotation failed unexpectedly: ${wait.reason}`)
    }
    const outcome = wait.result
    if (!outcome.ok) throw rotationFailure(outcome.reason, outcome.message)
    const row = await findGateway(db, gateway.id)
    if (!row) throw new HttpError(404, `no gateway with id ${gateway.id}`)
    const body: RotateTokenResponse = { mode: 'auto', gateway: present(row) }
    return c.json(body)
  }

  return [
    {
      method: 'POST',
      path: '/gateways/:id/rotate-token',
      access: 'admin',
      doc: {
        summary: "Rotate a gateway's token",
        description:
          "`auto` (200): the worker sets a new token over the gateway's protocol (which needs admin " +
          'scope, granted only over direct loopback) and stores it once a probe with it succeeds. ' +
          '`manual` (201): the new token is answered this once (`Cache-Control: no-store`) with the ' +
          "command to run on the gateway's host; it waits as pending (TOKEN_PENDING_TTL_H) until a " +
          'probe finds the gateway takes it. Failures name their `details.reason`, and the old ' +
          'token stays: 409 `no_token`, `busy` (a rotation is running) or `no_admin_scope` ' +
          '(`details.suggest`: `manual`); 502 `unreachable`, `patch_refused` or `verify_failed`; ' +
          '504 while the rotation outlasts the wait (it goes on in the worker). Audited.',
        params: idParamsSchema,
        body: rotateTokenRequestSchema,
        responses: { 200: autoRotationResponseSchema, 201: manualRotationResponseSchema },
        errors: [404, 409, 502, 504],
      },
      handler: async (c) => {
        const id = parseId(c)
        const { mode } = await parseBody(c, rotateTokenRequestSchema)
        const gateway = await findGateway(db, id)
        if (!gateway) throw new HttpError(404, `no gateway with id ${id}`)
        if (gateway.token === null) {
          throw new HttpError(409, 'this gateway has no token to rotate: set one in its settings first', {
            reason: 'no_token',
          })
        }
        return mode === 'manual' ? manual(c, gateway) : auto(c, gateway)
      },
    },
  ]
}
