import {
  type ApiClient,
  type ConnectionStatus,
  type ConnectRequest,
  type ConnectResponse,
  connectionsResponseSchema,
  connectResponseSchema,
  createApiClient,
  disconnectResponseSchema,
  type HeartbeatRequest,
  type HeartbeatResponse,
  heartbeatResponseSchema,
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
 * The three direct-connection calls on top of the shared typed client. Every failure is an
 * `AgentApiError` whose `kind` says whether to retry, register again or give up.
 */
export function createAgentApi(options: AgentApiOptions): AgentApi {
  const baseUrl = options.url.replace(/\/+$/, '')
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis)
  const timeoutMs = options.requestTimeoutMs ?? 10_000
  const secrets = [options.apiKey]

  async function call<T>(
    operation: AgentApiOperation,
    method: string,
    path: string,
    send: (client: ApiClient, signal: AbortSignal) => Promise<T>,
    signal: AbortSignal | undefined,
  ): Promise<T> {
    let retryAfterMs: number | undefined
    // One client per call, so the Retry-After of this response cannot be mixed up with another's.
    const client = createApiClient({
      baseUrl,
      apiKey: options.apiKey,
      fetch: async (input, init) => {
        const response = await doFetch(input, init)
        retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), Date.now())
        return response
      },
    })
    const timeout = AbortSignal.timeout(timeoutMs)
    try {
      return await send(client, signal ? AbortSignal.any([signal, timeout]) : timeout)
    } catch (error) {
      throw toAgentApiError(error, {
        operation,
        request: `${method} ${path}`,
        retryAfterMs,
        aborted: signal?.aborted ?? false,
        timedOut: timeout.aborted,
        secrets,
      })
    }
  }

  return {
    connect: (body, signal) =>
      call(
        'connect',
        'POST',
        '/api/connect',
        (client, s) =>
          client.request('POST', '/api/connect', { body, schema: connectResponseSchema, signal: s }),
        signal,
      ),
    heartbeat: (agentId, body, signal) => {
      const path = `/api/agents/${agentId}/heartbeat`
      return call(
        'heartbeat',
        'POST',
        path,
        (client, s) => client.request('POST', path, { body, schema: heartbeatResponseSchema, signal: s }),
        signal,
      )
    },
    listConnections: (query, signal) => {
      const params = new URLSearchParams()
      for (const [name, value] of Object.entries(query))
        if (value !== undefined) params.set(name, String(value))
      const path = `/api/connect${params.size > 0 ? `?${params}` : ''}`
      return call(
        'list-connections',
        'GET',
        path,
        (client, s) => client.request('GET', path, { schema: connectionsResponseSchema, signal: s }),
        signal,
      )
    },
    async disconnect(connectionId, signal) {
      const body = { connection_id: connectionId }
      try {
        return await call(
          'disconnect',
          'DELETE',
          '/api/connect',
          (client, s) =>
            client.request('DELETE', '/api/connect', { body, schema: disconnectResponseSchema, signal: s }),
          signal,
        )
      } catch (error) {
        if (error instanceof AgentApiError && error.kind === 'connection-gone') {
          return { status: 'disconnected', connection_id: connectionId }
        }
        throw error
      }
    },
  }
}
