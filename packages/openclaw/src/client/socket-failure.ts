import { GatewayError } from './gateway-error.ts'

type SystemError = Error & { code?: unknown }

const UNREACHABLE: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  EPIPE: 'connection reset',
  ECONNABORTED: 'connection aborted',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'DNS lookup failed',
  EAI_FAIL: 'DNS lookup failed',
  EAI_NODATA: 'host has no address',
  EHOSTUNREACH: 'host unreachable',
  EHOSTDOWN: 'host is down',
  ENETUNREACH: 'network unreachable',
  ENETDOWN: 'network is down',
  EADDRNOTAVAIL: 'address not available',
}

const TLS_MESSAGES: Record<string, string> = {
  DEPTH_ZERO_SELF_SIGNED_CERT:
    'self-signed certificate (turn on "allow self-signed certificate" for this gateway if you trust it)',
  SELF_SIGNED_CERT_IN_CHAIN:
    'self-signed certificate in chain (turn on "allow self-signed certificate" for this gateway if you trust it)',
  CERT_HAS_EXPIRED: 'certificate has expired',
  CERT_NOT_YET_VALID: 'certificate is not yet valid',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'certificate issuer is not trusted',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'certificate issuer is not trusted',
  ERR_SSL_WRONG_VERSION_NUMBER: 'the server does not speak TLS (is it a plain ws:// gateway?)',
  ERR_SSL_PACKET_LENGTH_TOO_LONG: 'the server does not speak TLS (is it a plain ws:// gateway?)',
}

/** A socket or WebSocket-handshake failure as a GatewayError; `beforeOpen` = before the upgrade finished. */
export function socketFailure(error: SystemError, beforeOpen: boolean): GatewayError {
  const systemCode = typeof error.code === 'string' ? error.code : null
  if (systemCode && UNREACHABLE[systemCode]) {
    return new GatewayError({
      kind: 'unreachable',
      message: `${UNREACHABLE[systemCode]} (${systemCode})`,
      systemCode,
    })
  }
  if (systemCode === 'ETIMEDOUT') {
    return new GatewayError({ kind: 'timeout', message: 'connection timed out (ETIMEDOUT)', systemCode })
  }
  if (isTlsFailure(systemCode, error.message)) {
    const reason = (systemCode && TLS_MESSAGES[systemCode]) || error.message
    return new GatewayError({ kind: 'tls', message: `TLS: ${reason}`, systemCode })
  }
  if (systemCode?.startsWith('WS_ERR_')) {
    return new GatewayError({
      kind: beforeOpen ? 'not-gateway' : 'protocol',
      message: `not an OpenClaw gateway (${error.message})`,
      systemCode,
    })
  }
  // ws reports a bad upgrade answer (wrong Sec-WebSocket-Accept, odd subprotocol, …) without a code.
  if (beforeOpen && !systemCode) {
    return new GatewayError({ kind: 'not-gateway', message: `not an OpenClaw gateway (${error.message})` })
  }
  return new GatewayError({ kind: 'unreachable', message: error.message || 'socket error', systemCode })
}

function isTlsFailure(code: string | null, message: string): boolean {
  if (code && (code in TLS_MESSAGES || code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_')))
    return true
  if (code && /CERT|_SIGNATURE|ISSUER/.test(code)) return true
  return code === 'EPROTO' || /\b(SSL|TLS)\b/.test(message)
}
