import { useQuery } from '@tanstack/react-query'
import { type ReactNode, useEffect, useState } from 'react'
import { gatewayListQuery } from '../api/gateways.ts'
import { useRole } from '../auth/use-role.ts'
import { browserLiveStoreDeps } from './browser-socket.ts'
import { createLiveStore } from './live-store.ts'
import { LiveStoreContext, useLiveStore } from './use-live-connection.ts'

/**
 * Holds the app's one live gateway connection for everything below it (the signed-in app), closes it
 * when the app unmounts (signing out), and connects the primary gateway once the app has loaded.
 */
export function LiveConnectionProvider({ children }: { children: ReactNode }) {
  const [store] = useState(() => createLiveStore(browserLiveStoreDeps))
  useEffect(() => {
    store.resume()
    return () => store.pause()
  }, [store])
  return (
    <LiveStoreContext value={store}>
      <AutoConnectPrimary />
      {children}
    </LiveStoreContext>
  )
}

/**
 * For operators and admins: the primary gateway connects when the gateway list first loads, unless
 * it has no token (the API could only fail, as Connect on its card is off for the same reason).
 */
function AutoConnectPrimary() {
  const store = useLiveStore()
  const allowed = useRole().can('operator')
  // One look at the list: its own page polls it; this observer adds no polling of its own.
  const gateways = useQuery({ ...gatewayListQuery, refetchInterval: false, enabled: allowed })
  const primary = gateways.data?.gateways.find((gateway) => gateway.is_primary === 1 && gateway.token_set)
  const loaded = gateways.data !== undefined
  const primaryId = primary?.id
  const primaryName = primary?.name
  useEffect(() => {
    if (!allowed || !loaded) return
    store.autoConnect(primaryId === undefined ? null : { id: primaryId, name: primaryName ?? null })
  }, [store, allowed, loaded, primaryId, primaryName])
  return null
}
