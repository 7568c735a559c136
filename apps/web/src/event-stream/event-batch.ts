import type { Gateway, GatewayFailoverEvent, GatewayStatusEvent, Incident, McEvent } from '@mc/shared'
import { newerIncident } from '../api/incident-cache.ts'

/**
 * What a batch of events changes, reduced so that a burst costs one cache write per view: only the
 * newest probed state per gateway and the newest heartbeat per connection survive.
 */
export interface EventBatch {
  /** Each gateway as its newest `gateway.status` event shows it: only its measures are taken. */
  probed: Map<number, Gateway>
  /** Each gateway as its newest `gateway.created` or `gateway.updated` event shows it. */
  edited: Map<number, Gateway>
  /** `gateway.status` events whose status changed, oldest first. */
  flips: GatewayStatusEvent[]
  /**
   * Created or updated gateways. Their rows are not patched from the event but asked for again: a
   * refetch already in the cache may be newer than an event still waiting in the batch.
   */
  changed: Set<number>
  deletes: Set<number>
  /** connection_id → unix seconds of its newest heartbeat, with its agent. */
  heartbeats: Map<string, { agentId: number; at: number }>
  disconnects: Map<string, { reason: string; at: number }>
  /** Connections opened or expired en masse, or agents whose status changed: lists must be asked again. */
  membershipChanged: boolean
  /** Each incident opened, acknowledged or resolved, as far along as its events show it. */
  incidents: Map<number, Incident>
  /**
   * Moves of the primary role (or failed attempts), oldest first. The flag itself moves with the
   * `gateway.updated` events of both gateways; these say why, for the live view that follows it.
   */
  failovers: GatewayFailoverEvent[]
  /**
   * Sessions changed. Their lists are asked for again rather than patched: a session's place in
   * them (the filters, the order by activity, the counts) is the API's to judge.
   */
  sessionsChanged: boolean
}

export function emptyBatch(): EventBatch {
  return {
    probed: new Map(),
    edited: new Map(),
    flips: [],
    changed: new Set(),
    deletes: new Set(),
    heartbeats: new Map(),
    disconnects: new Map(),
    membershipChanged: false,
    incidents: new Map(),
    failovers: [],
    sessionsChanged: false,
  }
}

/** Adds one event to `batch` (mutating it: batches are built by one stream and then applied once). */
export function addToBatch(batch: EventBatch, event: McEvent): void {
  switch (event.type) {
    case 'gateway.status':
      // A worker older than this page sends no `gateway` (during an upgrade): ask for the row instead.
      if (!event.gateway) {
        batch.changed.add(event.gateway_id)
        return
      }
      batch.probed.set(event.gateway_id, event.gateway)
      if (event.old_status !== event.status) batch.flips.push(event)
      return
    case 'gateway.created':
    case 'gateway.updated':
      // Written in place at once, so a failover demotes the old primary in the same render that a
      // probe of the new one promotes it; the list is also asked for again (its order, new rows).
      batch.edited.set(event.gateway.id, event.gateway)
      batch.changed.add(event.gateway.id)
      return
    case 'gateway.failover':
      batch.failovers.push(event)
      return
    case 'gateway.deleted':
      batch.changed.delete(event.gateway_id)
      batch.probed.delete(event.gateway_id)
      batch.edited.delete(event.gateway_id)
      batch.deletes.add(event.gateway_id)
      return
    case 'connection.heartbeat':
      batch.heartbeats.set(event.connection_id, { agentId: event.agent_id, at: event.at })
      return
    case 'connection.disconnected':
      batch.heartbeats.delete(event.connection_id)
      batch.disconnects.set(event.connection_id, { reason: event.reason ?? 'disconnected', at: event.at })
      batch.membershipChanged = true
      return
    // A mass expiry names no connection: the lists are asked for again, like after a connect.
    case 'connection.expired':
    case 'connection.connected':
    case 'agent.status':
      batch.membershipChanged = true
      return
    case 'incident.opened':
    case 'incident.updated':
    case 'incident.resolved': {
      const known = batch.incidents.get(event.incident.id)
      batch.incidents.set(event.incident.id, known ? newerIncident(known, event.incident) : event.incident)
      return
    }
    case 'session.changed':
      batch.sessionsChanged = true
      return
  }
}

export function isEmptyBatch(batch: EventBatch): boolean {
  return (
    batch.probed.size === 0 &&
    batch.edited.size === 0 &&
    batch.changed.size === 0 &&
    batch.deletes.size === 0 &&
    batch.heartbeats.size === 0 &&
    batch.disconnects.size === 0 &&
    !batch.membershipChanged &&
    batch.incidents.size === 0 &&
    batch.failovers.length === 0 &&
    !batch.sessionsChanged
  )
}
