import { createContext, useContext, useSyncExternalStore } from 'react'
import type { RelaySnapshot } from './relay-snapshot.ts'
import { cardRelayStatus, type RelayStatus } from './relay-status.ts'
import type { RelayStore } from './relay-store.ts'

export const RelayStoreContext = createContext<RelayStore | null>(null)

/** The app's relay store (connect, disconnect); inside `RelayProvider` only. */
export function useRelayStore(): RelayStore {
  const store = useContext(RelayStoreContext)
  if (!store) throw new Error('useRelayStore needs a RelayProvider above it')
  return store
}

/** The whole snapshot: re-renders on every change, relayed events included. */
export function useRelaySnapshot(): RelaySnapshot {
  const store = useRelayStore()
  return useSyncExternalStore(store.subscribe, store.getSnapshot)
}

/**
 * One derived value of the snapshot, re-rendering only when it changes: `select` must return a
 * primitive (or an object of the snapshot itself), never a fresh object.
 */
export function useRelaySelect<T>(select: (snapshot: RelaySnapshot) => T): T {
  const store = useRelayStore()
  return useSyncExternalStore(store.subscribe, () => select(store.getSnapshot()))
}

/** The relay status as a gateway's card and buttons show it: null unless it is the relayed gateway. */
export function useCardRelayStatus(gatewayId: number): RelayStatus | null {
  return useRelaySelect((snapshot) => cardRelayStatus(snapshot, gatewayId))
}
