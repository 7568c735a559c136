import type { ContentfulStatusCode } from 'hono/utils/http-status'

/** Thrown anywhere in a request to answer with the one JSON error shape. */
export class HttpError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    message: string,
    readonly details?: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(message)
    this.name = 'HttpError'
  }
}
