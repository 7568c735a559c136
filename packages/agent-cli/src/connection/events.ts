import type { ConnectResponse, HeartbeatResponse } from '@mc/shared'
import type { AgentApiError, AgentApiOperation } from '../api/agent-api-error.ts'
import type { TokenUsage } from './token-queue.ts'

/** What a CLI connection tells its `onEvent` listener; errors never contain the API key. */
export type AgentConnectionEvent =
  /** A connection was opened; `reconnect` when it replaces one the server ended (409/404). */
  | { type: 'registered'; connection: ConnectResponse; reconnect: boolean }
  | { type: 'heartbeat'; response: HeartbeatResponse; tokens: TokenUsage | undefined }
  /** A transient failure; the call is repeated after `delayMs`. `attempt` counts failures in a row. */
  | { type: 'retrying'; operation: AgentApiOperation; attempt: number; delayMs: number; error: AgentApiError }
  /**
   * The server no longer knows the connection as live (expired, or disconnected by someone):
   * registering again. `reason` is the server's `disconnect_reason` when it could be looked up.
   * `inARow` counts losses without a good heartbeat in between; from the second on, re-registering
   * waits with backoff.
   */
  | {
      type: 'connection-lost'
      connectionId: string
      reason: string | undefined
      error: AgentApiError
      inARow: number
    }
  /**
   * A newer connect with the same agent name and tool retired this connection (another tool runs
   * under the same identity). mc-agent stops talking to the server rather than fight it.
   */
  | { type: 'replaced'; connectionId: string }
  /** A permanent failure (bad key, role, request): mc-agent stops talking to the server. */
  | { type: 'failed'; error: AgentApiError }
  | { type: 'disconnected'; connectionId: string }
  | { type: 'disconnect-failed'; connectionId: string; error: AgentApiError }

export type AgentConnectionStatus = 'idle' | 'registering' | 'connected' | 'replaced' | 'failed' | 'stopped'
