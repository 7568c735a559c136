import { TOKEN_REJECTED_ERROR } from '@mc/shared'
import type { GatewayError } from '../client/gateway-error.ts'
import { PROTOCOL_VERSION } from '../protocol/constants.ts'
import { isRecord } from '../protocol/is-record.ts'
import type { ProbeStatus } from './probe-reading.ts'

export interface FailureDescription {
  status: Exclude<ProbeStatus, 'online'>
  error: string
}

/** Turns a GatewayError into the probe's status and a sentence an operator can act on. */
export function describeFailure(error: GatewayError, timeoutMs: number): FailureDescription {
  switch (error.kind) {
    case 'unreachable':
      return { status: 'offline', error: error.message }
    case 'timeout':
      return { status: 'timeout', error: `no answer within ${timeoutMs} ms (${error.message})` }
    case 'aborted':
      return { status: 'error', error: 'probe aborted' }
    case 'rejected':
      return {
        status: 'error',
        error: error.method === 'connect' ? connectRejection(error) : requestRejection(error),
      }
    default:
      return { status: 'error', error: error.message }
  }
}

function connectRejection(error: GatewayError): string {
  const reason = detail(error, 'reason')
  switch (error.detailsCode ?? error.code) {
    case 'AUTH_TOKEN_MISMATCH':
      return TOKEN_REJECTED_ERROR
    case 'PROTOCOL_MISMATCH': {
      const expected = detail(error, 'expectedProtocol')
      return expected === undefined
        ? `protocol mismatch: gateway does not accept protocol ${PROTOCOL_VERSION}`
        : `protocol mismatch: gateway expects protocol ${expected}, this monitor speaks ${PROTOCOL_VERSION}`
    }
    case 'DEVICE_IDENTITY_REQUIRED':
    case 'NOT_PAIRED':
    case 'AUTH_TOKEN_MISSING':
    case 'AUTH_REQUIRED':
      return `gateway requires a token: set this gateway's token (${error.detailsCode ?? error.code})`
    case 'AUTH_RATE_LIMITED':
      return `gateway is rate-limiting logins${retryHint(error)}`
  }
  if (error.code === 'UNAVAILABLE') {
    return reason === 'startup-sidecars' || reason === undefined
      ? `gateway is starting${retryHint(error)}`
      : `gateway unavailable (${String(reason)})${retryHint(error)}`
  }
  return `gateway rejected the connection: ${codes(error)}${error.gatewayMessage ? ` (${error.gatewayMessage})` : ''}`
}

function requestRejection(error: GatewayError): string {
  if (error.detailsCode === 'MISSING_SCOPE' || error.code === 'FORBIDDEN') {
    const scope = detail(error, 'missingScope')
    return `token lacks scope ${typeof scope === 'string' ? scope : 'operator.read'} (needed for ${error.method})`
  }
  return `${error.method} failed: ${codes(error)}${error.gatewayMessage ? ` (${error.gatewayMessage})` : ''}`
}

function codes(error: GatewayError): string {
  return error.detailsCode ? `${error.code}/${error.detailsCode}` : (error.code ?? 'unknown error')
}

function retryHint(error: GatewayError): string {
  return error.retryAfterMs === null ? '' : ` (retry in ${error.retryAfterMs} ms)`
}

function detail(error: GatewayError, key: string): unknown {
  return isRecord(error.details) ? error.details[key] : undefined
}
