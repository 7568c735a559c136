import { useQuery } from '@tanstack/react-query'
import { type ReactNode, useEffect, useState } from 'react'
import { primaryGatewayQuery } from '../api/gateways.ts'
import { useRole } from '../auth/use-role.ts'
import { browserRelayStoreDeps } from './browser-socket.ts'
import { createRelayStore } from './relay-store.ts'
import { connectablePrimary, useFollowPrimary } from './use-follow-primary.ts'
import { RelayStoreContext, useRelayStore } from './use-relay.ts'

/**
 * Holds the app's one relay for everything below it (the signed-in app), closes it
 * when the app unmounts (signing out), and connects the primary gateway once the app has loaded.
 */
export function RelayProvider({ children }: { children: ReactNode }) {
  const [store] = useState(() => createRelayStore(browserRelayStoreDeps))
  useEffect(() => {
    store.resume()
    return () => store.pause()
  }, [store])
  return (
    <RelayStoreContext value={store}>
      <AutoConnectPrimary />
      {children}
    </RelayStoreContext>
  )
}

/**
 * For operators and admins: the primary gateway connects when the list's first row loads, unless
 * it has no token (the API could only fail, as Connect on its card is off for the same reason); a
 * relay on the primary then follows the primary role when it moves.
 */
function AutoConnectPrimary() {
  const store = useRelayStore()
  const allowed = useRole().can('operator')
  // The list's first row is the primary: the event stream has it asked again when the flag moves.
  const gateways = useQuery({ ...primaryGatewayQuery, refetchInterval: false, enabled: allowed })
  const primary = connectablePrimary(gateways.data?.gateways)
  const loaded = gateways.data !== undefined
  const primaryId = primary?.id
  const primaryName = primary?.name
  useEffect(() => {
    if (!allowed || !loaded) return
    store.autoConnect(primaryId === undefined ? null : { id: primaryId, name: primaryName ?? null })
  }, [store, allowed, loaded, primaryId, primaryName])
  useFollowPrimary(store, allowed ? gateways.data?.gateways : undefined)
  return null
}
