import { Outlet } from 'react-router'
import { LiveConnectionProvider } from '../live-connection/LiveConnectionProvider.tsx'
import { useLiveEvents } from '../live-events/use-live-events.ts'
import { FleetStatusIndicator } from './FleetStatusIndicator.tsx'
import { LiveConnectionIndicator } from './LiveConnectionIndicator.tsx'
import { LiveUpdatesIndicator } from './LiveUpdatesIndicator.tsx'
import { Sidebar } from './Sidebar.tsx'
import { SystemStatusIndicator } from './SystemStatusIndicator.tsx'
import { UserMenu } from './UserMenu.tsx'

/**
 * The frame around every page: navigation on the left (on top on a phone); the live gateway
 * connection, the gateways' and the services' status and the user menu in the header, which wraps
 * onto a second line rather than clipping on a narrow screen. The live connection and the event stream live here, so they
 * survive page changes.
 */
export function AppLayout() {
  useLiveEvents()
  return (
    <LiveConnectionProvider>
      <div className="flex min-h-screen flex-col md:flex-row">
        <Sidebar />
        <div className="flex min-w-0 flex-1 flex-col">
          <header className="flex min-h-12 shrink-0 flex-wrap items-center justify-end gap-2 border-b px-4 py-2 md:gap-3 md:px-6">
            <LiveConnectionIndicator />
            <FleetStatusIndicator />
            <LiveUpdatesIndicator />
            <SystemStatusIndicator />
            <UserMenu />
          </header>
          <main className="flex-1">
            <Outlet />
          </main>
        </div>
      </div>
    </LiveConnectionProvider>
  )
}
