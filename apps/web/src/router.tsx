import { createBrowserRouter, Navigate } from 'react-router'
import { AppLayout } from './layout/AppLayout.tsx'
import { AgentsPage } from './pages/AgentsPage.tsx'
import { ConnectionsPage } from './pages/ConnectionsPage.tsx'
import { GatewaysPage } from './pages/GatewaysPage.tsx'
import { NotFoundPage } from './pages/NotFoundPage.tsx'
import { RouteErrorPage } from './pages/RouteErrorPage.tsx'
import { SettingsPage } from './pages/settings/SettingsPage.tsx'

/** Every page and its URL. The API answers any non-`/api` GET with index.html, so deep links work. */
export const router = createBrowserRouter([
  {
    path: '/',
    element: <AppLayout />,
    errorElement: <RouteErrorPage />,
    children: [
      { index: true, element: <Navigate to="/gateways" replace /> },
      { path: 'gateways', element: <GatewaysPage /> },
      { path: 'connections', element: <ConnectionsPage /> },
      { path: 'agents', element: <AgentsPage /> },
      { path: 'settings', element: <SettingsPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
])
