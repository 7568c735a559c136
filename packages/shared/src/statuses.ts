import { z } from 'zod'

export const GATEWAY_STATUSES = ['unknown', 'online', 'offline', 'timeout', 'error'] as const
export const gatewayStatusSchema = z.enum(GATEWAY_STATUSES)
export type GatewayStatus = z.infer<typeof gatewayStatusSchema>

export const CONNECTION_STATUSES = ['connected', 'disconnected'] as const
export const connectionStatusSchema = z.enum(CONNECTION_STATUSES)
export type ConnectionStatus = z.infer<typeof connectionStatusSchema>

export const AGENT_STATUSES = ['online', 'offline'] as const
export const agentStatusSchema = z.enum(AGENT_STATUSES)
export type AgentStatus = z.infer<typeof agentStatusSchema>
