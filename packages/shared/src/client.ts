import { z } from 'zod'
import { agentDetailResponseSchema, agentsResponseSchema } from './agents.ts'
import {
  type AlertDeliveriesQuery,
  alertChannelResponseSchema,
  alertChannelsResponseSchema,
  alertChannelTestResponseSchema,
  alertDeliveriesResponseSchema,
  type CreateAlertChannelRequest,
  type UpdateAlertChannelRequest,
} from './alert-channels.ts'
import {
  alertRuleResponseSchema,
  alertRulesResponseSchema,
  type CreateAlertRuleRequest,
  type UpdateAlertRuleRequest,
} from './alert-rules.ts'
import {
  apiKeyResponseSchema,
  apiKeysResponseSchema,
  type CreateApiKeyRequest,
  createApiKeyResponseSchema,
} from './api-keys.ts'
import { type AuditQuery, auditResponseSchema } from './audit.ts'
import { type LoginRequest, loginResponseSchema, logoutResponseSchema, meResponseSchema } from './auth.ts'
import { authFailuresResponseSchema } from './auth-failures.ts'
import {
  type ConnectRequest,
  connectionsResponseSchema,
  connectResponseSchema,
  disconnectResponseSchema,
  type HeartbeatRequest,
  heartbeatResponseSchema,
} from './connections.ts'
import { apiErrorSchema } from './errors.ts'
import { fleetOverviewResponseSchema, type StatusChangesQuery, statusChangesResponseSchema } from './fleet.ts'
import { gatewayEventsResponseSchema } from './gateway-events.ts'
import {
  type CreateGatewayRequest,
  deleteGatewayResponseSchema,
  gatewayResponseSchema,
  gatewaysResponseSchema,
  type UpdateGatewayRequest,
} from './gateways.ts'
import { type HealthResponse, healthResponseSchema } from './health.ts'
import { deletedByIdResponseSchema } from './ids.ts'
import {
  type IncidentStatus,
  incidentDetailResponseSchema,
  incidentResponseSchema,
  incidentsResponseSchema,
} from './incidents.ts'
import {
  type CreateMaintenanceWindowRequest,
  maintenanceWindowResponseSchema,
  maintenanceWindowsResponseSchema,
} from './maintenance.ts'
import { type ModelPriceInput, modelPriceResponseSchema, modelPricesResponseSchema } from './model-prices.ts'
import {
  gatewayDetailResponseSchema,
  type ProbeRequest,
  probeHistoryResponseSchema,
  probeResponseSchema,
  recentProbesResponseSchema,
} from './probes.ts'
import { type SessionState, sessionResponseSchema, sessionsResponseSchema } from './sessions.ts'
import {
  type CreateStatusPageRequest,
  statusPageResponseSchema,
  statusPagesResponseSchema,
  type UpdateStatusPageRequest,
} from './status-pages.ts'
import type { GatewayStatus } from './statuses.ts'
import { type RotateTokenRequest, rotateTokenResponseSchema } from './token-rotation.ts'
import { toolResponseSchema, toolsResponseSchema } from './tools.ts'
import { type UsageGroup, usageResponseSchema } from './usage.ts'
import {
  type CreateUserRequest,
  type UpdateUserRequest,
  userResponseSchema,
  usersResponseSchema,
} from './users.ts'
import { gatewayWatcherResponseSchema } from './watchers.ts'

/** A non-2xx answer from the API, carrying its JSON error body. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details?: unknown,
  ) {
    super(message)
    this.name = 'ApiRequestError'
  }
}

export interface ApiClientOptions {
  /** Origin of Mission Control, e.g. `http://localhost:3000`; empty for same-origin (the SPA). */
  baseUrl?: string
  /** Sent as `x-api-key` by tools; the SPA authenticates with its sign-in cookie instead. */
  apiKey?: string
  fetch?: typeof fetch
}

interface RequestOptions<T> {
  body?: unknown
  schema: z.ZodType<T>
  /** Statuses that carry a valid response body although they are not 2xx (e.g. 503 from health). */
  acceptStatuses?: number[]
  signal?: AbortSignal
}

/** `GET /api/sessions` as a client sends it. */
export type SessionListQuery = {
  gateway_id?: number
  agent?: string
  state?: SessionState | 'all'
  q?: string
  limit?: number
  before?: string
}

/** A time window as a client sends it: unix seconds. */
type TimeWindow = { since?: number; until?: number }

/** `GET /api/gateways/:id/events` as a client sends it. */
export type GatewayEventsListQuery = {
  type?: string
  session?: string
  since?: number
  before?: number
  limit?: number
}

function toQueryString(query: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams()
  for (const [name, value] of Object.entries(query)) if (value !== undefined) params.set(name, String(value))
  const text = params.toString()
  return text ? `?${text}` : ''
}

/** Typed access to the Mission Control API, shared by the web app and by CLI tools. */
export function createApiClient(options: ApiClientOptions = {}) {
  const baseUrl = (options.baseUrl ?? '').replace(/\/$/, '')
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis)

  async function request<T>(method: string, path: string, opts: RequestOptions<T>): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' }
    if (opts.body !== undefined) headers['content-type'] = 'application/json'
    if (options.apiKey) headers['x-api-key'] = options.apiKey
    const res = await doFetch(`${baseUrl}${path}`, {
      method,
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      credentials: 'same-origin',
      signal: opts.signal,
    })
    const payload: unknown = await res.json().catch(() => undefined)
    if (!res.ok && !opts.acceptStatuses?.includes(res.status)) {
      const parsed = apiErrorSchema.safeParse(payload)
      const message = parsed.success ? parsed.data.error : `${method} ${path} failed with HTTP ${res.status}`
      throw new ApiRequestError(res.status, message, parsed.success ? parsed.data.details : undefined)
    }
    return opts.schema.parse(payload)
  }

  return {
    request,
    health: (signal?: AbortSignal): Promise<HealthResponse> =>
      request('GET', '/api/health', { schema: healthResponseSchema, acceptStatuses: [503], signal }),
    auth: {
      login: (body: LoginRequest) =>
        request('POST', '/api/auth/login', { body, schema: loginResponseSchema }),
      logout: () => request('POST', '/api/auth/logout', { schema: logoutResponseSchema }),
      me: (signal?: AbortSignal) => request('GET', '/api/auth/me', { schema: meResponseSchema, signal }),
    },
    users: {
      list: () => request('GET', '/api/users', { schema: usersResponseSchema }),
      create: (body: CreateUserRequest) =>
        request('POST', '/api/users', { body, schema: userResponseSchema }),
      update: (id: number, body: UpdateUserRequest) =>
        request('PATCH', `/api/users/${id}`, { body, schema: userResponseSchema }),
    },
    apiKeys: {
      list: () => request('GET', '/api/keys', { schema: apiKeysResponseSchema }),
      create: (body: CreateApiKeyRequest) =>
        request('POST', '/api/keys', { body, schema: createApiKeyResponseSchema }),
      revoke: (id: number) => request('DELETE', `/api/keys/${id}`, { schema: apiKeyResponseSchema }),
    },
    gateways: {
      list: (signal?: AbortSignal) =>
        request('GET', '/api/gateways', { schema: gatewaysResponseSchema, signal }),
      /** One page of the gateways matching `q` and `status`, with `total` and `next_offset`. */
      page: (
        query: { q?: string; status?: GatewayStatus; limit?: number; offset?: number },
        signal?: AbortSignal,
      ) => request('GET', `/api/gateways${toQueryString(query)}`, { schema: gatewaysResponseSchema, signal }),
      get: (id: number, signal?: AbortSignal) =>
        request('GET', `/api/gateways/${id}`, { schema: gatewayDetailResponseSchema, signal }),
      create: (body: CreateGatewayRequest) =>
        request('POST', '/api/gateways', { body, schema: gatewayResponseSchema }),
      update: (body: UpdateGatewayRequest) =>
        request('PUT', '/api/gateways', { body, schema: gatewayResponseSchema }),
      remove: (id: number) =>
        request('DELETE', '/api/gateways', { body: { id }, schema: deleteGatewayResponseSchema }),
      /** Rotate its token (admin): `auto` over the protocol, or `manual` (the new token shown this once). */
      rotateToken: (id: number, body: RotateTokenRequest) =>
        request('POST', `/api/gateways/${id}/rotate-token`, { body, schema: rotateTokenResponseSchema }),
      /** Probe now through the worker: all gateways, or `{ id }` / `{ ids }`. */
      probe: (body: ProbeRequest = {}) =>
        request('POST', '/api/gateways/health', { body, schema: probeResponseSchema }),
      history: (query: {
        gateway_id?: number
        since?: number
        until?: number
        before?: number
        limit?: number
      }) =>
        request('GET', `/api/gateways/health/history${toQueryString(query)}`, {
          schema: probeHistoryResponseSchema,
        }),
      recent: (ids: number[], limit = 30, signal?: AbortSignal) =>
        request('GET', `/api/gateways/health/recent${toQueryString({ ids: ids.join(','), limit })}`, {
          schema: recentProbesResponseSchema,
          signal,
        }),
      /** What the worker watching the gateway's sessions is doing; `watcher` is null while none does. */
      watcher: (id: number, signal?: AbortSignal) =>
        request('GET', `/api/gateways/${id}/watcher`, { schema: gatewayWatcherResponseSchema, signal }),
      /** Status flips of every gateway, newest first; pass `next_before` as `before` for older ones. */
      statusChanges: (query: StatusChangesQuery = {}, signal?: AbortSignal) =>
        request('GET', `/api/gateways/status-changes${toQueryString(query)}`, {
          schema: statusChangesResponseSchema,
          signal,
        }),
      /** Events the gateway sent, newest first; pass `next_before` as `before` for older ones. */
      events: (id: number, query: GatewayEventsListQuery = {}, signal?: AbortSignal) =>
        request('GET', `/api/gateways/${id}/events${toQueryString(query)}`, {
          schema: gatewayEventsResponseSchema,
          signal,
        }),
      /** Failed handshakes per remote address since `since` (default: the last 24 hours). */
      authFailures: (id: number, query: { since?: number } = {}, signal?: AbortSignal) =>
        request('GET', `/api/gateways/${id}/auth-failures${toQueryString(query)}`, {
          schema: authFailuresResponseSchema,
          signal,
        }),
    },
    tools: {
      /** One row per gateway × tool over the window. */
      list: (query: TimeWindow & { gateway_id?: number } = {}, signal?: AbortSignal) =>
        request('GET', `/api/tools${toQueryString(query)}`, { schema: toolsResponseSchema, signal }),
      /** One tool's hourly series and latest failures, on one gateway or over all of them. */
      get: (name: string, query: TimeWindow & { gateway_id?: number } = {}, signal?: AbortSignal) =>
        request('GET', `/api/tools/${encodeURIComponent(name)}${toQueryString(query)}`, {
          schema: toolResponseSchema,
          signal,
        }),
    },
    usage: {
      /** Tokens and estimated cost per group and per UTC day. */
      get: (query: TimeWindow & { group_by?: UsageGroup } = {}, signal?: AbortSignal) =>
        request('GET', `/api/usage${toQueryString(query)}`, { schema: usageResponseSchema, signal }),
    },
    modelPrices: {
      list: (signal?: AbortSignal) =>
        request('GET', '/api/model-prices', { schema: modelPricesResponseSchema, signal }),
      /** Adds or replaces a model's price (admin). */
      put: (model: string, body: ModelPriceInput) =>
        request('PUT', `/api/model-prices/${encodeURIComponent(model)}`, {
          body,
          schema: modelPriceResponseSchema,
        }),
      remove: (model: string) =>
        request('DELETE', `/api/model-prices/${encodeURIComponent(model)}`, { schema: z.unknown() }),
    },
    fleet: {
      overview: (signal?: AbortSignal) =>
        request('GET', '/api/fleet/overview', { schema: fleetOverviewResponseSchema, signal }),
    },
    connections: {
      list: (
        query: {
          status?: 'connected' | 'disconnected'
          agent?: string
          tool?: string
          limit?: number
          before?: number
        } = {},
        signal?: AbortSignal,
      ) =>
        request('GET', `/api/connect${toQueryString(query)}`, { schema: connectionsResponseSchema, signal }),
      connect: (body: ConnectRequest, signal?: AbortSignal) =>
        request('POST', '/api/connect', { body, schema: connectResponseSchema, signal }),
      heartbeat: (agent: number | string, body: HeartbeatRequest, signal?: AbortSignal) =>
        request('POST', `/api/agents/${encodeURIComponent(String(agent))}/heartbeat`, {
          body,
          schema: heartbeatResponseSchema,
          signal,
        }),
      disconnect: (connectionId: string, signal?: AbortSignal) =>
        request('DELETE', '/api/connect', {
          body: { connection_id: connectionId },
          schema: disconnectResponseSchema,
          signal,
        }),
    },
    agents: {
      list: (
        query: { status?: 'online' | 'offline'; q?: string; limit?: number; offset?: number } = {},
        signal?: AbortSignal,
      ) => request('GET', `/api/agents${toQueryString(query)}`, { schema: agentsResponseSchema, signal }),
      get: (agent: number | string, signal?: AbortSignal) =>
        request('GET', `/api/agents/${encodeURIComponent(String(agent))}`, {
          schema: agentDetailResponseSchema,
          signal,
        }),
    },
    audit: {
      list: (query: Partial<AuditQuery> = {}) =>
        request('GET', `/api/audit${toQueryString(query)}`, { schema: auditResponseSchema }),
    },
    alerts: {
      channels: {
        list: (signal?: AbortSignal) =>
          request('GET', '/api/alerts/channels', { schema: alertChannelsResponseSchema, signal }),
        create: (body: CreateAlertChannelRequest) =>
          request('POST', '/api/alerts/channels', { body, schema: alertChannelResponseSchema }),
        update: (id: number, body: UpdateAlertChannelRequest) =>
          request('PATCH', `/api/alerts/channels/${id}`, { body, schema: alertChannelResponseSchema }),
        // The answer's body says nothing a caller needs: only its status matters.
        remove: (id: number) => request('DELETE', `/api/alerts/channels/${id}`, { schema: z.unknown() }),
        /** Sends a test message now; answers with the delivery, whether it worked or not. */
        test: (id: number) =>
          request('POST', `/api/alerts/channels/${id}/test`, { schema: alertChannelTestResponseSchema }),
      },
      rules: {
        list: (signal?: AbortSignal) =>
          request('GET', '/api/alerts/rules', { schema: alertRulesResponseSchema, signal }),
        create: (body: CreateAlertRuleRequest) =>
          request('POST', '/api/alerts/rules', { body, schema: alertRuleResponseSchema }),
        update: (id: number, body: UpdateAlertRuleRequest) =>
          request('PATCH', `/api/alerts/rules/${id}`, { body, schema: alertRuleResponseSchema }),
        remove: (id: number) => request('DELETE', `/api/alerts/rules/${id}`, { schema: z.unknown() }),
      },
      /** Every delivery attempt, newest first; pass `next_before` as `before` for older ones. */
      deliveries: (query: Partial<AlertDeliveriesQuery> = {}, signal?: AbortSignal) =>
        request('GET', `/api/alerts/deliveries${toQueryString(query)}`, {
          schema: alertDeliveriesResponseSchema,
          signal,
        }),
    },
    incidents: {
      list: (
        query: { status?: IncidentStatus; gateway_id?: number; limit?: number; before?: number } = {},
        signal?: AbortSignal,
      ) =>
        request('GET', `/api/incidents${toQueryString(query)}`, { schema: incidentsResponseSchema, signal }),
      get: (id: number, signal?: AbortSignal) =>
        request('GET', `/api/incidents/${id}`, { schema: incidentDetailResponseSchema, signal }),
      acknowledge: (id: number) =>
        request('POST', `/api/incidents/${id}/ack`, { schema: incidentResponseSchema }),
      resolve: (id: number) =>
        request('POST', `/api/incidents/${id}/resolve`, { schema: incidentResponseSchema }),
    },
    sessions: {
      /** Newest activity first, with the counts per state; pass `next_before` as `before` for more. */
      list: (query: SessionListQuery = {}, signal?: AbortSignal) =>
        request('GET', `/api/sessions${toQueryString(query)}`, { schema: sessionsResponseSchema, signal }),
      get: (id: number, signal?: AbortSignal) =>
        request('GET', `/api/sessions/${id}`, { schema: sessionResponseSchema, signal }),
    },
    maintenance: {
      list: (signal?: AbortSignal) =>
        request('GET', '/api/maintenance', { schema: maintenanceWindowsResponseSchema, signal }),
      create: (body: CreateMaintenanceWindowRequest) =>
        request('POST', '/api/maintenance', { body, schema: maintenanceWindowResponseSchema }),
      /** Ends a window now; it stays listed, cancelled. */
      end: (id: number) =>
        request('DELETE', `/api/maintenance/${id}`, { schema: maintenanceWindowResponseSchema }),
    },
    statusPages: {
      list: (signal?: AbortSignal) =>
        request('GET', '/api/status-pages', { schema: statusPagesResponseSchema, signal }),
      create: (body: CreateStatusPageRequest) =>
        request('POST', '/api/status-pages', { body, schema: statusPageResponseSchema }),
      update: (id: number, body: UpdateStatusPageRequest) =>
        request('PATCH', `/api/status-pages/${id}`, { body, schema: statusPageResponseSchema }),
      remove: (id: number) =>
        request('DELETE', `/api/status-pages/${id}`, { schema: deletedByIdResponseSchema }),
    },
  }
}

export type ApiClient = ReturnType<typeof createApiClient>
