import { ApiRequestError, apiErrorSchema } from '@mc/shared'
import { parseRetryAfter } from '../lib/retry-after.ts'

/** A 429 that said how long to wait: an ApiRequestError like any other, plus `retryAfterS`. */
export class RateLimitedError extends ApiRequestError {
  constructor(
    message: string,
    readonly retryAfterS: number,
    details?: unknown,
  ) {
    super(429, message, details)
    this.name = 'RateLimitedError'
  }
}

/**
 * Wraps fetch for the API client, which reads only the body of an error: a 429 with a `Retry-After`
 * header becomes a RateLimitedError carrying the wait, so the login form can count it down.
 */
export function rateLimitedFetch(doFetch: typeof fetch): typeof fetch {
  return async (input, init) => {
    const res = await doFetch(input, init)
    if (res.status !== 429) return res
    const retryAfterS = parseRetryAfter(res.headers.get('retry-after'))
    if (retryAfterS === null) return res
    const body = apiErrorSchema.safeParse(await res.json().catch(() => undefined))
    throw body.success
      ? new RateLimitedError(body.data.error, retryAfterS, body.data.details)
      : new RateLimitedError('too many requests', retryAfterS)
  }
}
