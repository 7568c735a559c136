import { AGENT_STATUSES, CONNECTION_STATUSES, GATEWAY_STATUSES, ROLES, SESSION_STATES } from '@mc/shared'
import { pgEnum } from 'drizzle-orm/pg-core'

export const roleEnum = pgEnum('role', ROLES)
export const gatewayStatusEnum = pgEnum('gateway_status', GATEWAY_STATUSES)
export const agentStatusEnum = pgEnum('agent_status', AGENT_STATUSES)
export const connectionStatusEnum = pgEnum('connection_status', CONNECTION_STATUSES)
export const sessionStateEnum = pgEnum('session_state', SESSION_STATES)
