export {
  type AgentApi,
  type AgentApiOptions,
  type ConnectionsQuery,
  type ConnectionsResponse,
  createAgentApi,
  type DisconnectResponse,
} from './api/agent-api.ts'
export { AgentApiError, type AgentApiErrorKind, type AgentApiOperation } from './api/agent-api-error.ts'
export { type AgentSession, type AgentSessionOptions, createAgentSession } from './session/agent-session.ts'
export { type BackoffOptions, DEFAULT_BACKOFF } from './session/backoff.ts'
export type { AgentSessionEvent, AgentSessionStatus } from './session/events.ts'
export type { TokenUsage } from './session/token-queue.ts'
