import { Outlet } from 'react-router'
import { useEventStream } from '../event-stream/use-event-stream.ts'
import { RelayProvider } from '../relay/RelayProvider.tsx'
import { EventStreamIndicator } from './EventStreamIndicator.tsx'
import { FleetStatusIndicator } from './FleetStatusIndicator.tsx'
import { RelayIndicator } from './RelayIndicator.tsx'
import { Sidebar } from './Sidebar.tsx'
import { SystemStatusIndicator } from './SystemStatusIndicator.tsx'
import { UserMenu } from './UserMenu.tsx'

/**
 * The frame around every page: navigation on the left (on top on a phone); the relay, the fleet's
 * and the services' status and the user menu in the header, which wraps onto a second line rather
 * than clipping on a narrow screen. The relay and the event stream live here, so they survive page
 * changes.
 */
export function AppLayout() {
  useEventStream()
  return (
    <RelayProvider>
      <div className="flex min-h-screen flex-col md:flex-row">
        <Sidebar />
        <div className="flex min-w-0 flex-1 flex-col">
          <header className="flex min-h-12 shrink-0 flex-wrap items-center justify-end gap-2 border-b px-4 py-2 md:gap-3 md:px-6">
            <RelayIndicator />
            <FleetStatusIndicator />
            <EventStreamIndicator />
            <SystemStatusIndicator />
            <UserMenu />
          </header>
          <main className="flex-1">
            <Outlet />
          </main>
        </div>
      </div>
    </RelayProvider>
  )
}
