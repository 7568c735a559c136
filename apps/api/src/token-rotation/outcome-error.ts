import type { TokenRotationFailure } from '@mc/shared'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { HttpError } from '../http/http-error.ts'

/** The answer to each way an automatic rotation can stop (see TOKEN_ROTATION_FAILURES). */
const STATUS: Record<TokenRotationFailure, ContentfulStatusCode> = {
  busy: 409,
  no_token: 409,
  no_admin_scope: 409,
  unreachable: 502,
  patch_refused: 502,
  verify_failed: 502,
}

export const NO_ADMIN_SCOPE_MESSAGE =
  'the gateway did not grant admin scope (it does so only over a direct loopback connection): rotate it with mode "manual"'

/** A failed rotation as the error the caller gets: the reason in `details`, and what to do instead. */
export function rotationFailure(reason: TokenRotationFailure, message: string): HttpError {
  if (reason === 'no_admin_scope') {
    return new HttpError(STATUS[reason], NO_ADMIN_SCOPE_MESSAGE, { reason, suggest: 'manual' })
  }
  return new HttpError(STATUS[reason], message, { reason })
}
