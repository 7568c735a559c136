import type { BrowserContext } from 'playwright-core'

/**
 * Calls the API with the browser context's sign-in cookie (what the tab is signed in as), for setting up
 * data a test is not about. Fails with the API's answer on any non-2xx.
 */
export async function apiCall(
  context: BrowserContext,
  baseUrl: string,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  data?: unknown,
): Promise<unknown> {
  const res = await context.request.fetch(new URL(path, baseUrl).toString(), {
    method,
    data,
    headers: { origin: baseUrl },
  })
  if (!res.ok()) throw new Error(`${method} ${path} failed: HTTP ${res.status()} ${await res.text()}`)
  return res.json()
}
