import type { RouteDeps } from '../app-deps.ts'
import type { RouteDef } from '../http/route.ts'
import { badgeRootRoutes } from './root/badge.ts'
import { metricsRoutes } from './root/metrics.ts'
import { statusPageRootRoutes } from './root/status.ts'

/**
 * Every endpoint outside `/api`, for tools that expect a fixed place: Prometheus scrapes `/metrics`,
 * people open `/status/<slug>`, READMEs embed `/badge/…`. The SPA answers every other path.
 */
export function rootRoutes(deps: RouteDeps): RouteDef[] {
  return [...statusPageRootRoutes(deps), ...badgeRootRoutes(deps), ...metricsRoutes(deps)]
}
