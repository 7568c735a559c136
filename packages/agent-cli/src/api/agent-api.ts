import {
  type ApiClient,
  type ConnectionStatus,
  type ConnectRequest,
  type ConnectResponse,
  type connectionsResponseSchema,
  createApiClient,
  type disconnectResponseSchema,
  type HeartbeatRequest,
  type HeartbeatResponse,
} from '@mc/shared'
import { AgentApiError, type AgentApiOperation, toAgentApiError } from './agent-api-error.ts'
import { parseRetryAfter } from './retry-after.ts'

export type DisconnectResponse = ReturnType<typeof disconnectResponseSchema.parse>
export type ConnectionsResponse = ReturnType<typeof connectionsResponseSchema.parse>

export interface AgentApiOptions {
  /** Origin of Mission Control (a path prefix is kept), e.g. `http://localhost:3000`. */
  url: string
  /** An operator (or admin) API key, sent as `x-api-key`. */
  apiKey: string
  /** Defaults to the global `fetch`. */
  fetch?: typeof fetch
  /** Each request is abandoned (and counts as a transient failure) after this long. Default 10 s. */
  requestTimeoutMs?: number
}

export interface AgentApi {
  /** `POST /api/connect`: registers the agent (created on first use) and opens a connection. */
  connect(body: ConnectRequest, signal?: AbortSignal): Promise<ConnectResponse>
  /** `POST /api/agents/:id/heartbeat`, optionally carrying token usage. */
  heartbeat(agentId: number, body: HeartbeatRequest, signal?: AbortSignal): Promise<HeartbeatResponse>
  /** `DELETE /api/connect`. A connection that is already gone (404/409) counts as disconnected. */
  disconnect(connectionId: string, signal?: AbortSignal): Promise<DisconnectResponse>
  /** `GET /api/connect`, newest first: how the server sees connections (status, disconnect_reason, …). */
  listConnections(query: ConnectionsQuery, signal?: AbortSignal): Promise<ConnectionsResponse>
}

export interface ConnectionsQuery {
  agent?: string
  tool?: string
  status?: ConnectionStatus
  limit?: number
  before?: number
}

/**
 * The direct-connection calls of the shared typed client, with a time limit. Every failure is an
 * `AgentApiError` whose `kind` says whether to retry, register again or give up.
 */
export function createAgentApi(options: AgentApiOptions): AgentApi {
  const baseUrl = options.url.replace(/\/+$/, '')
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis)
  const timeoutMs = options.requestTimeoutMs ?? 10_000
  const secrets = [options.apiKey]

  async function call<T>(
    operation: AgentApiOperation,
    send: (connections: ApiClient['connections'], signal: AbortSignal) => Promise<T>,
    signal: AbortSignal | undefined,
  ): Promise<T> {
    // Error messages name the request as sent (`POST /api/connect`), below the base URL.
    let request: string = operation
    let retryAfterMs: number | undefined
    // One client per call, so the Retry-After of this response cannot be mixed up with another's.
    const client = createApiClient({
      baseUrl,
      apiKey: options.apiKey,
      fetch: async (input, init) => {
        request = `${init?.method ?? 'GET'} ${String(input).slice(baseUrl.length)}`
        const response = await doFetch(input, init)
        retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), Date.now())
        return response
      },
    })
    const timeout = AbortSignal.timeout(timeoutMs)
    try {
      return await send(client.connections, signal ? AbortSignal.any([signal, timeout]) : timeout)
    } catch (error) {
      throw toAgentApiError(error, {
        operation,
        request,
        retryAfterMs,
        aborted: signal?.aborted ?? false,
        timedOut: timeout.aborted,
        secrets,
      })
    }
  }

  return {
    connect: (body, signal) => call('connect', (connections, s) => connections.connect(body, s), signal),
    heartbeat: (agentId, body, signal) =>
      call('heartbeat', (connections, s) => connections.heartbeat(agentId, body, s), signal),
    listConnections: (query, signal) =>
      call('list-connections', (connections, s) => connections.list(query, s), signal),
    async disconnect(connectionId, signal) {
      try {
        return await call('disconnect', (connections, s) => connections.disconnect(connectionId, s), signal)
      } catch (error) {
        if (error instanceof AgentApiError && error.kind === 'connection-gone') {
          return { status: 'disconnected', connection_id: connectionId }
        }
        throw error
      }
    },
  }
}
