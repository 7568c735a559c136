import { errorMessage } from '@mc/shared'
import type { ErrorShape } from '../protocol/frames.ts'
import { isRecord } from '../protocol/is-record.ts'

/**
 * What went wrong, from a monitor's point of view:
 * - `unreachable`: refused, DNS failure, reset, or closed before the gateway said anything
 * - `timeout`: no answer in time (a deadline, a request timeout, or an AbortSignal.timeout)
 * - `aborted`: the caller's AbortSignal fired for another reason
 * - `tls`: the TLS handshake failed (untrusted or self-signed certificate, not TLS at all, …)
 * - `not-gateway`: something answered, but not the OpenClaw protocol (HTTP page, non-JSON frames, …)
 * - `rejected`: the gateway answered a request with `ok:false` (see `code` and `detailsCode`)
 * - `closed`: the connection closed after the gateway had spoken, before an answer came
 * - `protocol`: the gateway broke the protocol after the handshake
 * - `invalid-target`: the host/port do not make a WebSocket URL
 */
export type GatewayErrorKind =
  | 'unreachable'
  | 'timeout'
  | 'aborted'
  | 'tls'
  | 'not-gateway'
  | 'rejected'
  | 'closed'
  | 'protocol'
  | 'invalid-target'

export interface GatewayErrorInit {
  kind: GatewayErrorKind
  message: string
  /** The gateway's `error.code`, e.g. `INVALID_REQUEST`. */
  code?: string | null
  /** The gateway's `error.details.code`, e.g. `AUTH_TOKEN_MISMATCH`. */
  detailsCode?: string | null
  details?: unknown
  /** The gateway's own `error.message` (token-redacted). */
  gatewayMessage?: string | null
  retryable?: boolean
  retryAfterMs?: number | null
  closeCode?: number | null
  closeReason?: string | null
  /** The system error code of a socket failure, e.g. `ECONNREFUSED`. */
  systemCode?: string | null
  /** The method whose request failed (`connect` for the handshake). */
  method?: string | null
}

/** Every failure of `connectGateway` and `GatewayClient.request`. Never carries the token. */
export class GatewayError extends Error {
  override name = 'GatewayError'
  readonly kind: GatewayErrorKind
  readonly code: string | null
  readonly detailsCode: string | null
  readonly details: unknown
  readonly gatewayMessage: string | null
  readonly retryable: boolean
  readonly retryAfterMs: number | null
  readonly closeCode: number | null
  readonly closeReason: string | null
  readonly systemCode: string | null
  readonly method: string | null

  constructor(init: GatewayErrorInit) {
    super(init.message)
    this.kind = init.kind
    this.code = init.code ?? null
    this.detailsCode = init.detailsCode ?? null
    this.details = init.details
    this.gatewayMessage = init.gatewayMessage ?? null
    this.retryable = init.retryable ?? false
    this.retryAfterMs = init.retryAfterMs ?? null
    this.closeCode = init.closeCode ?? null
    this.closeReason = init.closeReason ?? null
    this.systemCode = init.systemCode ?? null
    this.method = init.method ?? null
  }

  /** The gateway's answer `{ ok: false, error }` to `method`. */
  static fromResponse(
    method: string,
    error: ErrorShape | undefined,
    redact: (text: string) => string = (text) => text,
  ): GatewayError {
    const details = error?.details
    const detailsCode = isRecord(details) && typeof details.code === 'string' ? details.code : null
    const code = error?.code ?? 'UNKNOWN'
    return new GatewayError({
      kind: 'rejected',
      message: redact(`${method}: ${code}${error?.message ? `: ${error.message}` : ''}`),
      code,
      detailsCode,
      details,
      gatewayMessage: error?.message ? redact(error.message) : null,
      retryable: error?.retryable ?? false,
      retryAfterMs: error?.retryAfterMs ?? null,
      method,
    })
  }

  /** `error` itself when it is a GatewayError; anything else thrown on the way counts as a protocol error. */
  static from(error: unknown): GatewayError {
    if (error instanceof GatewayError) return error
    return new GatewayError({
      kind: 'protocol',
      message: errorMessage(error),
    })
  }

  /** The same error, with the close code the gateway sent after it. */
  withClose(closeCode: number | null, closeReason: string | null): GatewayError {
    return new GatewayError({ ...this.init(), closeCode, closeReason })
  }

  private init(): GatewayErrorInit {
    return {
      kind: this.kind,
      message: this.message,
      code: this.code,
      detailsCode: this.detailsCode,
      details: this.details,
      gatewayMessage: this.gatewayMessage,
      retryable: this.retryable,
      retryAfterMs: this.retryAfterMs,
      closeCode: this.closeCode,
      closeReason: this.closeReason,
      systemCode: this.systemCode,
      method: this.method,
    }
  }
}
