import { Outlet } from 'react-router'
import { LiveConnectionProvider } from '../live-connection/LiveConnectionProvider.tsx'
import { useLiveEvents } from '../live-events/use-live-events.ts'
import { LiveConnectionIndicator } from './LiveConnectionIndicator.tsx'
import { LiveUpdatesIndicator } from './LiveUpdatesIndicator.tsx'
import { Sidebar } from './Sidebar.tsx'
import { SystemStatusIndicator } from './SystemStatusIndicator.tsx'
import { UserMenu } from './UserMenu.tsx'

/**
 * The frame around every page: navigation on the left; the live gateway connection, system status
 * and the user menu in the header. The live connection and the event stream live here, so they
 * survive page changes.
 */
export function AppLayout() {
  useLiveEvents()
  return (
    <LiveConnectionProvider>
      <div className="flex min-h-screen flex-col md:flex-row">
        <Sidebar />
        <div className="flex min-w-0 flex-1 flex-col">
          <header className="flex h-12 shrink-0 items-center justify-end gap-3 border-b px-4 md:px-6">
            <LiveConnectionIndicator />
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
