import type { RouteDeps } from '../app-env.ts'
import type { RouteDef } from '../http/route.ts'
import { agentRoutes } from './agents.ts'
import { apiKeyRoutes } from './api-keys.ts'
import { auditRoutes } from './audit.ts'
import { authRoutes } from './auth.ts'
import { connectionRoutes } from './connections.ts'
import { eventRoutes } from './events.ts'
import { fleetRoutes } from './fleet.ts'
import { gatewayHealthRoutes } from './gateway-health.ts'
import { gatewayLiveRoutes } from './gateway-live.ts'
import { gatewayRoutes } from './gateways.ts'
import { healthRoutes } from './health.ts'
import { userRoutes } from './users.ts'

/** Every endpoint under /api. The authorization test walks this list: a route added here must be in its table. */
export function apiRoutes(deps: RouteDeps): RouteDef[] {
  return [
    ...healthRoutes(deps),
    ...authRoutes(deps),
    ...userRoutes(deps),
    ...fleetRoutes(deps),
    ...gatewayRoutes(deps),
    ...gatewayHealthRoutes(deps),
    ...gatewayLiveRoutes(deps),
    ...connectionRoutes(deps),
    ...agentRoutes(deps),
    ...apiKeyRoutes(deps),
    ...auditRoutes(deps),
    ...eventRoutes(deps),
  ]
}
