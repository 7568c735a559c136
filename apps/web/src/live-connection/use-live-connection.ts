import { createContext, useContext, useSyncExternalStore } from 'react'
import { cardLiveStatus, type LiveStatus } from './connection-view.ts'
import type { LiveSnapshot } from './live-session.ts'
import type { LiveStore } from './live-store.ts'

export const LiveStoreContext = createContext<LiveStore | null>(null)

/** The app's live-connection store (connect, disconnect); inside `LiveConnectionProvider` only. */
export function useLiveStore(): LiveStore {
  const store = useContext(LiveStoreContext)
  if (!store) throw new Error('useLiveStore needs a LiveConnectionProvider above it')
  return store
}

/** The whole snapshot: re-renders on every change, relayed events included. */
export function useLiveSnapshot(): LiveSnapshot {
  const store = useLiveStore()
  return useSyncExternalStore(store.subscribe, store.getSnapshot)
}

/**
 * One derived value of the snapshot, re-rendering only when it changes: `select` must return a
 * primitive (or an object of the snapshot itself), never a fresh object.
 */
export function useLiveSelect<T>(select: (snapshot: LiveSnapshot) => T): T {
  const store = useLiveStore()
  return useSyncExternalStore(store.subscribe, () => select(store.getSnapshot()))
}

/** The live status as a gateway's card and buttons show it: null unless it is the session's gateway. */
export function useCardLiveStatus(gatewayId: number): LiveStatus | null {
  return useLiveSelect((snapshot) => cardLiveStatus(snapshot, gatewayId))
}
