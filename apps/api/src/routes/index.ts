import type { RouteDeps } from '../app-deps.ts'
import type { RouteDef } from '../http/route.ts'
import { heartbeatRoutes } from './agents/heartbeat.ts'
import { agentRoutes } from './agents.ts'
import { alertChannelTestRoutes } from './alerts/channels/test.ts'
import { alertChannelRoutes } from './alerts/channels.ts'
import { alertDeliveryRoutes } from './alerts/deliveries.ts'
import { alertRuleRoutes } from './alerts/rules.ts'
import { auditRoutes } from './audit.ts'
import { loginRoutes } from './auth/login.ts'
import { logoutRoutes } from './auth/logout.ts'
import { meRoutes } from './auth/me.ts'
import { connectRoutes } from './connect.ts'
import { docsRoutes } from './docs.ts'
import { eventRoutes } from './events.ts'
import { fleetOverviewRoutes } from './fleet/overview.ts'
import { gatewayAuthFailureRoutes } from './gateways/auth-failures.ts'
import { gatewayEventRoutes } from './gateways/events.ts'
import { gatewayFailoverRoutes } from './gateways/failover.ts'
import { gatewayFailoversRoutes } from './gateways/failovers.ts'
import { gatewayHealthRoutes } from './gateways/health.ts'
import { gatewayRelayRoutes } from './gateways/live.ts'
import { primaryGatewayRoutes } from './gateways/primary.ts'
import { rotateTokenRoutes } from './gateways/rotate-token.ts'
import { statusChangeRoutes } from './gateways/status-changes.ts'
import { gatewayWatcherRoutes } from './gateways/watcher.ts'
import { gatewayRoutes } from './gateways.ts'
import { healthRoutes } from './health.ts'
import { incidentAckRoutes } from './incidents/ack.ts'
import { incidentResolveRoutes } from './incidents/resolve.ts'
import { incidentRoutes } from './incidents.ts'
import { apiKeyRoutes } from './keys.ts'
import { maintenanceRoutes } from './maintenance.ts'
import { modelPriceRoutes } from './model-prices.ts'
import { openApiRoutes } from './openapi.ts'
import { sessionRoutes } from './sessions.ts'
import { statusRoutes } from './status.ts'
import { statusPageRoutes } from './status-pages.ts'
import { toolRoutes } from './tools.ts'
import { usageRoutes } from './usage.ts'
import { userRoutes } from './users.ts'

/**
 * Every endpoint under /api. Files follow URLs: `/api/<a>` and `/api/<a>/:param` are handled in
 * `<a>.ts`, `/api/<a>/<word>…` and `/api/<a>/:param/<word>` in `<a>/<word>.ts`. The order of this
 * list does not matter: the app registers static segments before parameters (`byPrecedence`).
 * The authorization test walks this list: a route added here must be in its table.
 */
export function apiRoutes(deps: RouteDeps): RouteDef[] {
  return [
    ...healthRoutes(deps),
    ...loginRoutes(deps),
    ...logoutRoutes(deps),
    ...meRoutes(deps),
    ...userRoutes(deps),
    ...apiKeyRoutes(deps),
    ...auditRoutes(deps),
    ...eventRoutes(deps),
    ...fleetOverviewRoutes(deps),
    ...gatewayRoutes(deps),
    ...statusChangeRoutes(deps),
    ...gatewayHealthRoutes(deps),
    ...gatewayRelayRoutes(deps),
    ...gatewayFailoverRoutes(deps),
    ...gatewayFailoversRoutes(deps),
    ...primaryGatewayRoutes(deps),
    ...gatewayWatcherRoutes(deps),
    ...rotateTokenRoutes(deps),
    ...gatewayEventRoutes(deps),
    ...gatewayAuthFailureRoutes(deps),
    ...sessionRoutes(deps),
    ...connectRoutes(deps),
    ...agentRoutes(deps),
    ...heartbeatRoutes(deps),
    ...alertChannelRoutes(deps),
    ...alertChannelTestRoutes(deps),
    ...alertRuleRoutes(deps),
    ...alertDeliveryRoutes(deps),
    ...incidentRoutes(deps),
    ...incidentAckRoutes(deps),
    ...incidentResolveRoutes(deps),
    ...maintenanceRoutes(deps),
    ...toolRoutes(deps),
    ...usageRoutes(deps),
    ...modelPriceRoutes(deps),
    ...statusPageRoutes(deps),
    ...statusRoutes(deps),
    ...openApiRoutes(deps),
    ...docsRoutes(),
  ]
}
