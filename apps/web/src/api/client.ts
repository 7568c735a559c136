import { createApiClient } from '@mc/shared'
import { rateLimitedFetch } from './rate-limited-fetch.ts'

/**
 * The one way the web app talks to the API: same-origin (the API serves this app in production and
 * Vite proxies `/api` in development), authenticated by the session cookie.
 */
export const api = createApiClient({ fetch: rateLimitedFetch(globalThis.fetch.bind(globalThis)) })
