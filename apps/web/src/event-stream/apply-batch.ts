import type { Agent } from '@mc/shared'
import type { QueryClient } from '@tanstack/react-query'
import { closedConnection, mapCachedConnections } from '../api/connection-cache.ts'
import { prependStatusFlips } from '../api/fleet-cache.ts'
import { cacheGateways, dropGateways, newerGateway, withProbe } from '../api/gateway-cache.ts'
import { cacheIncidents } from '../api/incident-cache.ts'
import { queryKeys } from '../api/queries.ts'
import type { EventBatch } from './event-batch.ts'

/** Agents' `last_seen` in every cached agent list, from the batch's heartbeats. */
function patchAgentsSeen(queryClient: QueryClient, seen: ReadonlyMap<number, number>): void {
  if (seen.size === 0) return
  queryClient.setQueriesData<{ agents: Agent[]; total: number }>(
    { queryKey: [...queryKeys.agents, 'list'] },
    (data) =>
      data && {
        ...data,
        agents: data.agents.map((agent) => {
          const at = seen.get(agent.id)
          return at === undefined || (agent.last_seen ?? 0) >= at ? agent : { ...agent, last_seen: at }
        }),
      },
  )
}

/**
 * Writes one batch of events into the React Query cache: probed gateways, incidents, deletions and
 * heartbeats are written in place (one write per view); created and updated gateways, and the last
 * failover, are asked for again.
 * Opened connections, mass expiries and agent status changes are not in the cache:
 * `event-stream.ts` has those views ask again (throttled).
 */
export function applyBatch(queryClient: QueryClient, batch: EventBatch): void {
  cacheGateways(queryClient, [...batch.edited.values()], newerGateway)
  cacheGateways(queryClient, [...batch.probed.values()], withProbe)
  cacheIncidents(queryClient, [...batch.incidents.values()])
  // An open incident's page also shows its timeline, which only the API has: it asks again.
  for (const id of batch.incidents.keys()) {
    void queryClient.invalidateQueries({ queryKey: queryKeys.incidentDetail(id), refetchType: 'active' })
  }
  prependStatusFlips(queryClient, batch.flips)
  // A gateway's page also shows uptime and percentiles, which only the API computes: an open page
  // asks again when its gateway was probed (event-driven, not polling). One look through the cache
  // for the few open pages, not one per gateway of a burst.
  if (batch.probed.size > 0) {
    void queryClient.invalidateQueries({
      queryKey: queryKeys.gatewayDetails,
      refetchType: 'active',
      predicate: (query) => batch.probed.has(query.queryKey[2] as number),
    })
  }
  dropGateways(queryClient, batch.deletes)
  // Registry changes are rare: lists, their pages and counts are asked for again (a new primary
  // also demotes the old one; a new or deleted gateway moves the rest along the pages).
  if (batch.changed.size > 0 || batch.deletes.size > 0) {
    for (const queryKey of [queryKeys.gatewayList, queryKeys.gatewayPages, queryKeys.allGatewayCounts]) {
      void queryClient.invalidateQueries({ queryKey, refetchType: 'active' })
    }
    for (const id of batch.changed) {
      void queryClient.invalidateQueries({ queryKey: queryKeys.gatewayDetail(id), refetchType: 'active' })
    }
  }

  // The log entry behind a move (names, kind, actor) is the API's: the last failover is asked again.
  if (batch.failovers.length > 0) {
    void queryClient.invalidateQueries({ queryKey: queryKeys.lastFailover, refetchType: 'active' })
  }

  if (batch.heartbeats.size > 0 || batch.disconnects.size > 0) {
    const change = (connection: Parameters<typeof closedConnection>[0]) => {
      const closed = batch.disconnects.get(connection.connection_id)
      if (closed) return closedConnection(connection, closed.reason, closed.at)
      const beat = batch.heartbeats.get(connection.connection_id)
      return beat && (connection.last_heartbeat ?? 0) < beat.at
        ? { ...connection, last_heartbeat: beat.at }
        : connection
    }
    for (const queryKey of [queryKeys.connections, queryKeys.agents]) {
      queryClient.setQueriesData({ queryKey }, (data: unknown) => mapCachedConnections(data, change))
    }
    const seen = new Map<number, number>()
    for (const { agentId, at } of batch.heartbeats.values())
      seen.set(agentId, Math.max(at, seen.get(agentId) ?? 0))
    patchAgentsSeen(queryClient, seen)
  }
}
