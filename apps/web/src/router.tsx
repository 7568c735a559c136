import type { QueryClient } from '@tanstack/react-query'
import type { ComponentType } from 'react'
import { createBrowserRouter, Navigate, Outlet } from 'react-router'
import { meQuery } from './api/auth.ts'
import { RequireAuth } from './auth/RequireAuth.tsx'
import { RequireRole } from './auth/RequireRole.tsx'
import { AppLayout } from './layout/AppLayout.tsx'
import { AppLoading } from './layout/AppLoading.tsx'
import { LOGIN_PATH } from './lib/login-path.ts'
import { prefetchGatewayList } from './pages/gateways/prefetch.ts'
import { NotFoundPage } from './pages/NotFoundPage.tsx'
import { prefetchOverview } from './pages/overview/prefetch.ts'
import { RouteErrorPage } from './pages/RouteErrorPage.tsx'

/**
 * A page whose code is its own chunk, loaded with its route: the app starts with the frame only, and
 * the page before stays on screen while the next one's code arrives.
 */
const page = (load: () => Promise<ComponentType>) => ({ lazy: { Component: load } })

/**
 * A loader that only starts requests (a prefetch into the query cache) as its route is entered, so
 * they run beside the sign-in check and the page's code instead of after them; it never holds the
 * navigation up. What the page asks for later (another search, a refresh) is the page's own.
 */
const prefetching = (start: (url: URL) => void) => ({
  loader: ({ request }: { request: Request }) => {
    start(new URL(request.url))
    return null
  },
  shouldRevalidate: () => false,
})

/** The sections only admins may use: others who navigate here get a "requires admin" instead. */
function AdminOnly() {
  return (
    <RequireRole min="admin">
      <Outlet />
    </RequireRole>
  )
}

/**
 * Every page and its URL. The API answers any non-`/api` GET with index.html, so deep links work.
 * Everything but `/login` is behind the sign-in gate; admin sections are behind a role gate too.
 */
export function createRouter(queryClient: QueryClient) {
  return createBrowserRouter([
    {
      path: LOGIN_PATH,
      ...page(() => import('./pages/login/LoginPage.tsx').then((m) => m.LoginPage)),
      HydrateFallback: AppLoading,
      errorElement: <RouteErrorPage />,
    },
    {
      path: '/',
      element: (
        <RequireAuth>
          <AppLayout />
        </RequireAuth>
      ),
      // Who is signed in is asked at once, beside the first page's code and data.
      ...prefetching(() => void queryClient.prefetchQuery(meQuery)),
      HydrateFallback: AppLoading,
      errorElement: <RouteErrorPage />,
      children: [
        {
          index: true,
          ...page(() => import('./pages/overview/OverviewPage.tsx').then((m) => m.OverviewPage)),
          ...prefetching(() => prefetchOverview(queryClient)),
        },
        {
          path: 'gateways',
          ...page(() => import('./pages/gateways/GatewaysPage.tsx').then((m) => m.GatewaysPage)),
          ...prefetching((url) => prefetchGatewayList(queryClient, url.searchParams)),
        },
        {
          path: 'gateways/:id',
          ...page(() => import('./pages/gateways/detail/GatewayPage.tsx').then((m) => m.GatewayPage)),
        },
        {
          path: 'connections',
          ...page(() => import('./pages/connections/ConnectionsPage.tsx').then((m) => m.ConnectionsPage)),
        },
        { path: 'agents', ...page(() => import('./pages/agents/AgentsPage.tsx').then((m) => m.AgentsPage)) },
        {
          path: 'agents/:id',
          ...page(() => import('./pages/agents/detail/AgentPage.tsx').then((m) => m.AgentPage)),
        },
        {
          path: 'sessions',
          ...page(() => import('./pages/sessions/SessionsPage.tsx').then((m) => m.SessionsPage)),
        },
        {
          path: 'sessions/:id',
          ...page(() => import('./pages/sessions/detail/SessionPage.tsx').then((m) => m.SessionPage)),
        },
        { path: 'tools', ...page(() => import('./pages/tools/ToolsPage.tsx').then((m) => m.ToolsPage)) },
        {
          path: 'tools/:name',
          ...page(() => import('./pages/tools/detail/ToolPage.tsx').then((m) => m.ToolPage)),
        },
        { path: 'usage', ...page(() => import('./pages/usage/UsagePage.tsx').then((m) => m.UsagePage)) },
        {
          path: 'incidents',
          ...page(() => import('./pages/incidents/IncidentsPage.tsx').then((m) => m.IncidentsPage)),
        },
        {
          path: 'incidents/:id',
          ...page(() => import('./pages/incidents/detail/IncidentPage.tsx').then((m) => m.IncidentPage)),
        },
        {
          path: 'alerts',
          ...page(() => import('./pages/alerts/AlertsLayout.tsx').then((m) => m.AlertsLayout)),
          children: [
            {
              index: true,
              ...page(() => import('./pages/alerts/AlertsLayout.tsx').then((m) => m.AlertsIndex)),
            },
            {
              path: 'maintenance',
              ...page(() =>
                import('./pages/alerts/maintenance/MaintenancePanel.tsx').then((m) => m.MaintenancePanel),
              ),
            },
            {
              element: <AdminOnly />,
              children: [
                {
                  path: 'channels',
                  ...page(() =>
                    import('./pages/alerts/channels/ChannelsPanel.tsx').then((m) => m.ChannelsPanel),
                  ),
                },
                {
                  path: 'rules',
                  ...page(() => import('./pages/alerts/rules/RulesPanel.tsx').then((m) => m.RulesPanel)),
                },
                {
                  path: 'deliveries',
                  ...page(() =>
                    import('./pages/alerts/deliveries/DeliveriesPanel.tsx').then((m) => m.DeliveriesPanel),
                  ),
                },
              ],
            },
          ],
        },
        {
          path: 'settings',
          ...page(() => import('./pages/settings/SettingsLayout.tsx').then((m) => m.SettingsLayout)),
          children: [
            { index: true, element: <Navigate to="system" replace /> },
            {
              path: 'system',
              ...page(() => import('./pages/settings/system/SystemPanel.tsx').then((m) => m.SystemPanel)),
            },
            {
              element: <AdminOnly />,
              children: [
                {
                  path: 'users',
                  ...page(() => import('./pages/settings/users/UsersPanel.tsx').then((m) => m.UsersPanel)),
                },
                {
                  path: 'api-keys',
                  ...page(() =>
                    import('./pages/settings/api-keys/ApiKeysPanel.tsx').then((m) => m.ApiKeysPanel),
                  ),
                },
                {
                  path: 'status-pages',
                  ...page(() =>
                    import('./pages/settings/status-pages/StatusPagesPanel.tsx').then(
                      (m) => m.StatusPagesPanel,
                    ),
                  ),
                },
                {
                  path: 'audit',
                  ...page(() => import('./pages/settings/audit/AuditPanel.tsx').then((m) => m.AuditPanel)),
                },
              ],
            },
          ],
        },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ])
}
