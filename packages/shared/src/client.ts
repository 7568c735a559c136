import type { z } from 'zod'
import { apiErrorSchema } from './errors.ts'
import { type HealthResponse, healthResponseSchema } from './health.ts'

/** A non-2xx answer from the API, carrying its JSON error body. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details?: unknown,
  ) {
    super(message)
    this.name = 'ApiRequestError'
  }
}

export interface ApiClientOptions {
  /** Origin of Mission Control, e.g. `http://localhost:3000`; empty for same-origin (the SPA). */
  baseUrl?: string
  /** Sent as `x-api-key` by tools; the SPA authenticates with its session cookie instead. */
  apiKey?: string
  fetch?: typeof fetch
}

interface RequestOptions<T> {
  body?: unknown
  schema: z.ZodType<T>
  /** Statuses that carry a valid response body although they are not 2xx (e.g. 503 from health). */
  acceptStatuses?: number[]
  signal?: AbortSignal
}

/** Typed access to the Mission Control API, shared by the web app and by CLI tools. */
export function createApiClient(options: ApiClientOptions = {}) {
  const baseUrl = (options.baseUrl ?? '').replace(/\/$/, '')
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis)

  async function request<T>(method: string, path: string, opts: RequestOptions<T>): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' }
    if (opts.body !== undefined) headers['content-type'] = 'application/json'
    if (options.apiKey) headers['x-api-key'] = options.apiKey
    const res = await doFetch(`${baseUrl}${path}`, {
      method,
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      credentials: 'same-origin',
      signal: opts.signal,
    })
    const payload: unknown = await res.json().catch(() => undefined)
    if (!res.ok && !opts.acceptStatuses?.includes(res.status)) {
      const parsed = apiErrorSchema.safeParse(payload)
      const message = parsed.success ? parsed.data.error : `${method} ${path} failed with HTTP ${res.status}`
      throw new ApiRequestError(res.status, message, parsed.success ? parsed.data.details : undefined)
    }
    return opts.schema.parse(payload)
  }

  return {
    request,
    health: (signal?: AbortSignal): Promise<HealthResponse> =>
      request('GET', '/api/health', { schema: healthResponseSchema, acceptStatuses: [503], signal }),
  }
}

export type ApiClient = ReturnType<typeof createApiClient>
