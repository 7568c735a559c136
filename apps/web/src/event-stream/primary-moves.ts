import type { GatewayFailoverEvent } from '@mc/shared'

/**
 * `gateway.failover` events as the event stream receives them, for the live view that follows the
 * primary: the query cache only learns that the flag moved, this says why.
 */
type PrimaryMoveListener = (event: GatewayFailoverEvent) => void

const listeners = new Set<PrimaryMoveListener>()

export function announcePrimaryMoves(events: readonly GatewayFailoverEvent[]): void {
  for (const event of events) for (const listener of listeners) listener(event)
}

/** Hears every move from now on; returns the unsubscribe. */
export function onPrimaryMove(listener: PrimaryMoveListener): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}
