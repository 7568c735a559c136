import type { Service } from '@mc/local-stack'
import { errorMessage, type HealthResponse, healthResponseSchema } from '@mc/shared'

const POLL_MS = 250

/**
 * Polls `GET /api/health` until it answers 200 with a live worker, so tests start against a ready
 * system. Fails early if a service exits.
 */
export async function waitForHealthy(
  baseUrl: string,
  services: Service[],
  timeoutMs = 30_000,
): Promise<HealthResponse> {
  const deadline = Date.now() + timeoutMs
  let last = 'no answer yet'
  while (Date.now() < deadline) {
    const dead = services.find((s) => s.exitStatus() !== null)
    if (dead) throw new Error(`${dead.name} exited (${dead.exitStatus()}) during start-up`)
    try {
      const res = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(2_000) })
      const body: unknown = await res.json().catch(() => undefined)
      const health = healthResponseSchema.safeParse(body)
      if (res.status === 200 && health.success && health.data.checks.worker.ok) return health.data
      last = `HTTP ${res.status} ${JSON.stringify(body)}`
    } catch (error) {
      last = errorMessage(error)
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS))
  }
  throw new Error(`${baseUrl} was not healthy within ${timeoutMs} ms; last: ${last}`)
}
