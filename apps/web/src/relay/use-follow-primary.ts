import type { Gateway, GatewayFailoverEvent } from '@mc/shared'
import { useEffect, useRef } from 'react'
import { onPrimaryMove } from '../event-stream/primary-moves.ts'
import type { RelayGateway } from './relay-snapshot.ts'
import type { RelayStore } from './relay-store.ts'

/** The gateway the app relays automatically: the primary, if it has a token to connect with. */
export const connectablePrimary = (gateways: readonly Gateway[] | undefined) =>
  gateways?.find((gateway) => gateway.is_primary === 1 && gateway.token_set)

/**
 * A relay on the primary follows the primary role when it moves (a failover, a failback, Set
 * Primary): on the flag as the primary query shows it, and on `gateway.failover` events, which also
 * say why. Whichever comes first switches the relay; the event adds its reason (`followPrimary`).
 * `gateways` holds the list's first rows only: an event naming a gateway not in them waits for the
 * flag (the move also updates the gateways, so the list is asked again), which then brings its reason.
 */
export function useFollowPrimary(store: RelayStore, gateways: readonly Gateway[] | undefined): void {
  const primary = connectablePrimary(gateways)
  const primaryId = primary?.id
  const primaryName = primary?.name ?? null
  const previous = useRef<RelayGateway | null>(null)
  const waiting = useRef<GatewayFailoverEvent | null>(null)
  useEffect(() => {
    if (primaryId === undefined) return
    const from = previous.current
    const to = { id: primaryId, name: primaryName }
    previous.current = to
    if (!from || from.id === to.id) return
    const event = waiting.current
    waiting.current = null
    store.followPrimary({ from, to, reason: event?.to_id === to.id ? event.reason : null })
  }, [store, primaryId, primaryName])

  // Events are named from the list as this browser has it (the event carries ids only).
  const list = useRef(gateways)
  useEffect(() => {
    list.current = gateways
  }, [gateways])
  useEffect(
    () =>
      onPrimaryMove((event) => {
        if (event.to_id === null) return
        const known = (id: number) => list.current?.find((gateway) => gateway.id === id)
        const target = known(event.to_id)
        if (!target) {
          waiting.current = event
          return
        }
        // A new primary without a token cannot be relayed: the relay stays (and says why it fails).
        if (!target.token_set) return
        const named = (id: number): RelayGateway => ({ id, name: known(id)?.name ?? null })
        store.followPrimary({ from: named(event.from_id), to: named(event.to_id), reason: event.reason })
      }),
    [store],
  )
}
