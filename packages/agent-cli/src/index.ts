export {
  type AgentApi,
  type AgentApiOptions,
  type ConnectionsQuery,
  type ConnectionsResponse,
  createAgentApi,
  type DisconnectResponse,
} from './api/agent-api.ts'
export { AgentApiError, type AgentApiErrorKind, type AgentApiOperation } from './api/agent-api-error.ts'
export {
  type AgentConnection,
  type AgentConnectionOptions,
  createAgentConnection,
} from './connection/agent-connection.ts'
export { type BackoffOptions, DEFAULT_BACKOFF } from './connection/backoff.ts'
export type { AgentConnectionEvent, AgentConnectionStatus } from './connection/events.ts'
export type { TokenUsage } from './connection/token-queue.ts'
