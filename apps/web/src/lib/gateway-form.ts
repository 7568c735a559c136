import {
  type CreateGatewayRequest,
  DEFAULT_GATEWAY_PORT,
  type Gateway,
  type UpdateGatewayRequest,
} from '@mc/shared'
import { isSecureUrlHost } from './gateway-address.ts'

/** What the add and edit forms hold, as typed. */
export interface GatewayFormValues {
  name: string
  host: string
  /** As typed; the API says what is wrong with it. */
  port: string
  /** Add: the token, or empty for none. Edit: a new token, or empty to keep the current one. */
  token: string
  /** wss:// only: accept a self-signed certificate. */
  tlsInsecure: boolean
  /** As typed: empty = not a standby, else 1–1000 (lower takes over first); the API judges it. */
  failoverPriority: string
  /** Seconds as typed: empty = the worker's default; the API judges the rest. */
  sessionIdleS: string
  sessionStuckS: string
  /** Days as typed: empty = no schedule, else the token is rotated automatically this often. */
  rotateEveryDays: string
}

/** The request fields the forms show, for the API's 400 details. */
export const GATEWAY_FORM_FIELDS = [
  'name',
  'host',
  'port',
  'token',
  'is_primary',
  'tls_insecure',
  'failover_priority',
  'session_idle_s',
  'session_stuck_s',
  'rotate_every_days',
] as const

export const EMPTY_GATEWAY_FORM: GatewayFormValues = {
  name: '',
  host: '',
  port: String(DEFAULT_GATEWAY_PORT),
  token: '',
  tlsInsecure: false,
  failoverPriority: '',
  sessionIdleS: '',
  sessionStuckS: '',
  rotateEveryDays: '',
}

/**
 * The port as typed, for the API to judge: empty means the default, anything else goes as a number.
 * Text that is no number becomes NaN, which JSON sends as null, so the API answers with its own
 * message ("must be a whole number from 1 to 65535") under the field, like any other port problem.
 */
function portOf(text: string): number | undefined {
  const trimmed = text.trim()
  return trimmed === '' ? undefined : Number(trimmed)
}

/**
 * An optional number as typed (the standby priority, a session threshold, the rotation schedule):
 * empty means none (null).
 * Text that is no number goes as 0, not as NaN (which JSON would send as null, silently "none"),
 * so the API answers with its range message under the field.
 */
function optionalNumberOf(text: string): number | null {
  const trimmed = text.trim()
  if (trimmed === '') return null
  const value = Number(trimmed)
  return Number.isNaN(value) ? 0 : value
}

/** The self-signed flag means something for wss:// hosts only; elsewhere it is always off. */
const tlsInsecureOf = (values: GatewayFormValues) => values.tlsInsecure && isSecureUrlHost(values.host)

export function createGatewayBody(values: GatewayFormValues, isPrimary: boolean): CreateGatewayRequest {
  return {
    name: values.name.trim(),
    host: values.host.trim(),
    port: portOf(values.port),
    token: values.token === '' ? undefined : values.token,
    is_primary: isPrimary,
    tls_insecure: tlsInsecureOf(values),
    failover_priority: optionalNumberOf(values.failoverPriority),
    session_idle_s: optionalNumberOf(values.sessionIdleS),
    session_stuck_s: optionalNumberOf(values.sessionStuckS),
    rotate_every_days: optionalNumberOf(values.rotateEveryDays),
  }
}

const textOf = (value: number | null) => (value === null ? '' : String(value))

/** The edit form starts from the gateway as it is; its token field starts empty ("keep"). */
export function gatewayFormValues(gateway: Gateway): GatewayFormValues {
  return {
    name: gateway.name,
    host: gateway.host,
    port: String(gateway.port),
    token: '',
    tlsInsecure: gateway.tls_insecure,
    failoverPriority: textOf(gateway.failover_priority),
    sessionIdleS: textOf(gateway.session_idle_s),
    sessionStuckS: textOf(gateway.session_stuck_s),
    rotateEveryDays: textOf(gateway.rotate_every_days),
  }
}

/**
 * Only what changed: a typed token replaces the current one, `clearToken` removes it (`null`),
 * and an empty token field keeps it (left out). Null when there is nothing to send.
 */
export function updateGatewayBody(
  gateway: Gateway,
  values: GatewayFormValues,
  clearToken: boolean,
): UpdateGatewayRequest | null {
  const body: UpdateGatewayRequest = { id: gateway.id }
  const name = values.name.trim()
  const host = values.host.trim()
  const port = portOf(values.port)
  const tlsInsecure = tlsInsecureOf(values)
  const failoverPriority = optionalNumberOf(values.failoverPriority)
  const sessionIdleS = optionalNumberOf(values.sessionIdleS)
  const sessionStuckS = optionalNumberOf(values.sessionStuckS)
  const rotateEveryDays = optionalNumberOf(values.rotateEveryDays)
  if (name !== gateway.name) body.name = name
  if (host !== gateway.host) body.host = host
  if (port !== gateway.port) body.port = port
  if (tlsInsecure !== gateway.tls_insecure) body.tls_insecure = tlsInsecure
  if (failoverPriority !== gateway.failover_priority) body.failover_priority = failoverPriority
  if (sessionIdleS !== gateway.session_idle_s) body.session_idle_s = sessionIdleS
  if (sessionStuckS !== gateway.session_stuck_s) body.session_stuck_s = sessionStuckS
  if (rotateEveryDays !== gateway.rotate_every_days) body.rotate_every_days = rotateEveryDays
  if (clearToken) body.token = null
  else if (values.token !== '') body.token = values.token
  return Object.keys(body).length > 1 ? body : null
}
