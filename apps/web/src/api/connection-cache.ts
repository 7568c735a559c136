import type { DirectConnection } from '@mc/shared'
import type { QueryClient } from '@tanstack/react-query'
import { queryKeys } from './queries.ts'

/** What a connection view caches: a page (`{ connections }`), an agent's page, or paged lists. */
type ConnectionsData =
  | { connections: DirectConnection[] }
  | { pages: Array<{ connections: DirectConnection[] }> }

/** `data` with `change` applied to every cached connection it holds, whatever its shape. */
export function mapCachedConnections<T>(
  data: T,
  change: (connection: DirectConnection) => DirectConnection,
): T {
  if (!data || typeof data !== 'object') return data
  const cached = data as unknown as ConnectionsData
  if ('pages' in cached && Array.isArray(cached.pages)) {
    return { ...data, pages: cached.pages.map((page) => mapCachedConnections(page, change)) }
  }
  if ('connections' in cached && Array.isArray(cached.connections)) {
    return { ...data, connections: cached.connections.map(change) }
  }
  return data
}

/** The connection once closed: as the API records it, without waiting for the next poll. */
export function closedConnection(connection: DirectConnection, reason: string, at: number): DirectConnection {
  if (connection.status === 'disconnected') return connection
  return { ...connection, status: 'disconnected', disconnect_reason: reason, disconnected_at: at }
}

/**
 * Marks a connection closed in every cached list, the live section and agents' pages: used after a
 * disconnect from the UI, and by the event stream's `connection.disconnected` later.
 */
export function patchConnectionClosed(
  queryClient: QueryClient,
  connectionId: string,
  reason: string,
  at: number,
): void {
  const change = (connection: DirectConnection) =>
    connection.connection_id === connectionId ? closedConnection(connection, reason, at) : connection
  for (const queryKey of [queryKeys.connections, queryKeys.agents]) {
    queryClient.setQueriesData({ queryKey }, (data: unknown) => mapCachedConnections(data, change))
  }
}
