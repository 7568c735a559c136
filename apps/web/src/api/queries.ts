import type {
  AgentStatus,
  AuditQuery,
  ConnectionStatus,
  GatewayStatus,
  IncidentStatus,
  SessionState,
  UsageGroup,
} from '@mc/shared'
import { queryOptions, useQuery } from '@tanstack/react-query'
import type { ToolWindow, UsageWindow } from '../lib/insight-windows.ts'
import { api } from './client.ts'

export type AuditFilters = Pick<AuditQuery, 'action' | 'actor'>

/** The Connections page's filters: no status means every connection. */
export interface ConnectionFilters {
  status?: ConnectionStatus
  agent?: string
  tool?: string
}

/** The Sessions page's filters: no state means every session still on its gateway. */
export interface SessionFilters {
  gateway_id?: number
  /** The gateway's agent id, exactly. */
  agent?: string
  state?: SessionState | 'all'
  q?: string
}

/** A tools query: the gateway (or all) and a window by name, resolved to seconds when it runs. */
export interface ToolListKey {
  gateway_id?: number
  window: ToolWindow
}

export interface UsageKey {
  group_by: UsageGroup
  window: UsageWindow
}

/** A gateway timeline's filters; `window`: events of the last this many seconds. */
export interface TimelineFilters {
  type?: string
  session?: string
  window?: number
}

/** The Agents page's query: search, status and a page of `AGENTS_PAGE_SIZE`. */
/** One page of the Gateway Manager's list: `q` and `status` as the API takes them. */
export interface GatewayPageParams {
  q?: string
  status?: GatewayStatus
  limit: number
  offset: number
}

export interface AgentListParams {
  q?: string
  status?: AgentStatus
  page: number
}

/** Query keys live here, next to the queries, so cache updates (SSE, mutations) find them. */
export const queryKeys = {
  health: ['health'] as const,
  me: ['auth', 'me'] as const,
  users: ['users'] as const,
  apiKeys: ['api-keys'] as const,
  /** Every page of every filter; `auditLog(filters)` is one filtered list. */
  audit: ['audit'] as const,
  auditLog: (filters: AuditFilters) => ['audit', filters] as const,
  /**
   * Everything about gateways lives under `['gateways']`, so one invalidation (or a live event)
   * reaches the list, each gateway's page and every probe view. `gateway-cache.ts` patches them.
   */
  gateways: ['gateways'] as const,
  /** Every gateway at once: only for pickers (a fleet of thousands is paged everywhere else). */
  gatewayList: ['gateways', 'list'] as const,
  /** Pages of the list as the API pages it; `gatewayPage` is one. */
  gatewayPages: ['gateways', 'page'] as const,
  gatewayPage: (params: GatewayPageParams) => ['gateways', 'page', params] as const,
  /** How many gateways match a search, per status; `gatewayCounts('')` is the whole fleet. */
  allGatewayCounts: ['gateways', 'counts'] as const,
  gatewayCounts: (q: string) => ['gateways', 'counts', q] as const,
  gatewayDetails: ['gateways', 'detail'] as const,
  gatewayDetail: (id: number) => ['gateways', 'detail', id] as const,
  /** The tick strips of one page of cards: `recentProbes(ids)`; all of them: `allRecentProbes`. */
  allRecentProbes: ['gateways', 'recent'] as const,
  recentProbes: (ids: readonly number[]) => ['gateways', 'recent', ids.join(',')] as const,
  /** A gateway's probe history: the 24 h chart and the paged table. */
  probeHistory: (id: number) => ['gateways', 'history', id] as const,
  probeChart: (id: number) => ['gateways', 'history', id, 'last-24h'] as const,
  probeLog: (id: number) => ['gateways', 'history', id, 'log'] as const,
  /** What the worker watching a gateway's sessions does (polled: no event carries it). */
  gatewayWatcher: (id: number) => ['gateways', 'watcher', id] as const,
  /** The primary role's latest move, for the Gateway Manager; a `gateway.failover` event refreshes it. */
  lastFailover: ['gateways', 'failovers', 'last'] as const,
  /**
   * Direct CLI connections live under `['connections']` (the paged lists and the Gateway Manager's
   * live section) and agents under `['agents']` (list pages and each agent's page, which embeds its
   * live connections); `connection-cache.ts` patches connections in all of them.
   */
  connections: ['connections'] as const,
  connectionList: (filters: ConnectionFilters) => ['connections', 'list', filters] as const,
  liveConnections: ['connections', 'live'] as const,
  agents: ['agents'] as const,
  agentList: (params: AgentListParams) => ['agents', 'list', params] as const,
  agentDetail: (idOrName: string) => ['agents', 'detail', idOrName] as const,
  /** The fleet overview (home view): recent status flips, 24 h uptime, connected agents. */
  fleet: ['fleet'] as const,
  fleetOverview: ['fleet', 'overview'] as const,
  /**
   * Incidents live under `['incidents']`: one paged list per status and each incident's page;
   * `incident-cache.ts` moves an incident between them as its events arrive.
   */
  incidents: ['incidents'] as const,
  incidentLists: ['incidents', 'list'] as const,
  incidentList: (status: IncidentStatus) => ['incidents', 'list', status] as const,
  incidentDetail: (id: number) => ['incidents', 'detail', id] as const,
  /**
   * Gateway sessions live under `['sessions']`: the paged lists (the Sessions page, a gateway's
   * section) and the overview's counts; a `session.changed` event has them all ask again.
   */
  sessions: ['sessions'] as const,
  sessionList: (filters: SessionFilters, pageSize: number) =>
    ['sessions', 'list', filters, pageSize] as const,
  sessionCounts: ['sessions', 'counts'] as const,
  sessionDetail: (id: number) => ['sessions', 'detail', id] as const,
  /** Channels, rules and the delivery log (admin) under `['alerts']`; maintenance windows apart. */
  alerts: ['alerts'] as const,
  alertChannels: ['alerts', 'channels'] as const,
  alertRules: ['alerts', 'rules'] as const,
  alertDeliveries: ['alerts', 'deliveries'] as const,
  maintenance: ['maintenance'] as const,
  /** Status pages as admins manage them (the public pages themselves are served by the API). */
  statusPages: ['status-pages'] as const,
  /**
   * Tool performance, usage and a gateway's timeline and auth failures: no event carries them, so
   * they ask again on a timer; each has its own root so gateway events do not refetch them.
   */
  tools: ['tools'] as const,
  toolList: (query: ToolListKey) => ['tools', 'list', query] as const,
  toolDetail: (name: string, query: ToolListKey) => ['tools', 'detail', name, query] as const,
  usage: (query: UsageKey) => ['usage', query] as const,
  modelPrices: ['model-prices'] as const,
  gatewayEvents: (id: number, filters: TimelineFilters) => ['gateway-events', id, filters] as const,
  authFailures: (id: number) => ['auth-failures', id] as const,
}

export const HEALTH_REFETCH_MS = 15_000

export const healthQuery = queryOptions({
  queryKey: queryKeys.health,
  queryFn: ({ signal }) => api.health(signal),
  refetchInterval: HEALTH_REFETCH_MS,
})

/** `GET /api/health`: shared by the header indicator and the Settings → System panel. */
export function useHealth() {
  return useQuery(healthQuery)
}
