import { GatewayError } from '../client/gateway-error.ts'
import { isRecord } from '../protocol/is-record.ts'

/**
 * Why the gateway refused to take a new token:
 * - `no_admin_scope`: the connection lacks `operator.admin` (granted only over direct loopback)
 * - `stale_hash`: the config changed between `config.get` and `config.patch`
 * - `refused`: any other refusal (invalid config, rate limit, …)
 */
export type TokenPatchErrorKind = 'no_admin_scope' | 'stale_hash' | 'refused'

const STALE_HASH_MESSAGE = 'config changed since last load'
const REDACTED = '[redacted]'

/** The gateway answered `config.patch` with `ok: false`. Never carries the token it was sent. */
export class TokenPatchError extends Error {
  override name = 'TokenPatchError'

  constructor(
    readonly kind: TokenPatchErrorKind,
    /** The gateway's `error.code`, e.g. `FORBIDDEN`. */
    readonly code: string | null,
    /** The gateway's `error.message`, with the new token taken out. */
    readonly gatewayMessage: string | null,
  ) {
    super(`config.patch refused (${kind})${gatewayMessage ? `: ${gatewayMessage}` : ''}`)
  }

  /**
   * `error` as a TokenPatchError when it is the gateway's refusal, else `error` as is (a closed socket,
   * a timeout, …). `token` is redacted from the gateway's words: a validation message may quote it.
   */
  static from(error: unknown, token: string): unknown {
    if (!(error instanceof GatewayError) || error.kind !== 'rejected') return error
    const message = error.gatewayMessage?.split(token).join(REDACTED) ?? null
    return new TokenPatchError(kindOf(error), error.code, message)
  }
}

function kindOf(error: GatewayError): TokenPatchErrorKind {
  const missingScope = isRecord(error.details) ? error.details.missingScope : undefined
  if (error.detailsCode === 'MISSING_SCOPE' && missingScope === 'operator.admin') return 'no_admin_scope'
  if (error.gatewayMessage?.includes(STALE_HASH_MESSAGE)) return 'stale_hash'
  return 'refused'
}
