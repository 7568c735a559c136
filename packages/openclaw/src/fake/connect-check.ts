import { type ConnectParams, connectParamsSchema } from '../protocol/connect-params.ts'
import type { ErrorShape } from '../protocol/frames.ts'
import { paramsErrorMessage } from './params-error.ts'

export type ConnectDecision =
  | { ok: true; params: ConnectParams; role: string; scopes: string[] }
  | { ok: false; error: ErrorShape; closeCode: number; closeReason: string; tokenMismatch: boolean }

export interface ConnectContext {
  token: string
  starting: boolean
  protocol: number
  tokenScopes: readonly string[] | null
  adminAllowed: boolean
}

// Device-less clients keep their requested scopes only as these (id, mode) pairs.
const SCOPED_CLIENTS = new Set(['gateway-client/backend', 'cli/cli'])

/** The gateway's connect checks, in its order: schema, protocol, startup, credentials. */
export function checkConnect(raw: unknown, context: ConnectContext): ConnectDecision {
  const parsed = connectParamsSchema.safeParse(raw)
  if (!parsed.success) {
    return reject(
      { code: 'INVALID_REQUEST', message: paramsErrorMessage('connect params', parsed.error) },
      1008,
    )
  }
  const params = parsed.data
  if (params.minProtocol > context.protocol || params.maxProtocol < context.protocol) {
    const details = {
      code: 'PROTOCOL_MISMATCH',
      clientMinProtocol: params.minProtocol,
      clientMaxProtocol: params.maxProtocol,
      expectedProtocol: context.protocol,
      minimumProbeProtocol: 3,
    }
    return reject({ code: 'INVALID_REQUEST', message: 'protocol mismatch', details }, 1002)
  }
  if (context.starting) {
    const error = {
      code: 'UNAVAILABLE',
      message: 'gateway starting; retry shortly',
      retryable: true,
      retryAfterMs: 500,
      details: { reason: 'startup-sidecars' },
    }
    return reject(error, 1013, 'gateway starting')
  }
  const token = params.auth?.token
  if (!token && !params.device) {
    const details = { code: 'DEVICE_IDENTITY_REQUIRED' }
    return reject({ code: 'NOT_PAIRED', message: 'device identity required', details }, 1008)
  }
  if (token !== undefined && token !== context.token) {
    const details = {
      code: 'AUTH_TOKEN_MISMATCH',
      authReason: 'token_mismatch',
      canRetryWithDeviceToken: false,
      recommendedNextStep: 'update_auth_credentials',
    }
    const message = 'unauthorized: gateway token mismatch (provide gateway auth token)'
    return { ...reject({ code: 'INVALID_REQUEST', message, details }, 1008), tokenMismatch: true }
  }
  // The fake does not verify device signatures: a device counts as paired.
  const keepsScopes =
    Boolean(params.device) || SCOPED_CLIENTS.has(`${params.client.id}/${params.client.mode}`)
  const requested = keepsScopes ? (params.scopes ?? []) : []
  const { tokenScopes, adminAllowed } = context
  const scopes = requested.filter(
    (scope) =>
      (!tokenScopes || tokenScopes.includes(scope)) &&
      (adminAllowed || Boolean(params.device) || scope !== 'operator.admin'),
  )
  return { ok: true, params, role: params.role ?? 'operator', scopes }
}

type Rejection = Extract<ConnectDecision, { ok: false }>

function reject(error: ErrorShape, closeCode: number, closeReason = error.message): Rejection {
  return { ok: false, error, closeCode, closeReason, tokenMismatch: false }
}
