import type { ReactNode } from 'react'
import { createBrowserRouter, Navigate } from 'react-router'
import { RequireAuth } from './auth/RequireAuth.tsx'
import { RequireRole } from './auth/RequireRole.tsx'
import { AppLayout } from './layout/AppLayout.tsx'
import { LOGIN_PATH } from './lib/login-path.ts'
import { AgentsPage } from './pages/agents/AgentsPage.tsx'
import { AgentPage } from './pages/agents/detail/AgentPage.tsx'
import { AlertsIndex, AlertsLayout } from './pages/alerts/AlertsLayout.tsx'
import { ChannelsPanel } from './pages/alerts/channels/ChannelsPanel.tsx'
import { DeliveriesPanel } from './pages/alerts/deliveries/DeliveriesPanel.tsx'
import { MaintenancePanel } from './pages/alerts/maintenance/MaintenancePanel.tsx'
import { RulesPanel } from './pages/alerts/rules/RulesPanel.tsx'
import { ConnectionsPage } from './pages/connections/ConnectionsPage.tsx'
import { GatewayPage } from './pages/gateways/detail/GatewayPage.tsx'
import { GatewaysPage } from './pages/gateways/GatewaysPage.tsx'
import { IncidentPage } from './pages/incidents/detail/IncidentPage.tsx'
import { IncidentsPage } from './pages/incidents/IncidentsPage.tsx'
import { LoginPage } from './pages/login/LoginPage.tsx'
import { NotFoundPage } from './pages/NotFoundPage.tsx'
import { OverviewPage } from './pages/overview/OverviewPage.tsx'
import { RouteErrorPage } from './pages/RouteErrorPage.tsx'
import { SessionPage } from './pages/sessions/detail/SessionPage.tsx'
import { SessionsPage } from './pages/sessions/SessionsPage.tsx'
import { ApiKeysPanel } from './pages/settings/api-keys/ApiKeysPanel.tsx'
import { AuditPanel } from './pages/settings/audit/AuditPanel.tsx'
import { SettingsLayout } from './pages/settings/SettingsLayout.tsx'
import { StatusPagesPanel } from './pages/settings/status-pages/StatusPagesPanel.tsx'
import { SystemPanel } from './pages/settings/system/SystemPanel.tsx'
import { UsersPanel } from './pages/settings/users/UsersPanel.tsx'
import { ToolPage } from './pages/tools/detail/ToolPage.tsx'
import { ToolsPage } from './pages/tools/ToolsPage.tsx'
import { UsagePage } from './pages/usage/UsagePage.tsx'

/**
 * Every page and its URL. The API answers any non-`/api` GET with index.html, so deep links work.
 * Everything but `/login` is behind the sign-in gate; admin sections are behind a role gate too.
 */
export const router = createBrowserRouter([
  { path: LOGIN_PATH, element: <LoginPage />, errorElement: <RouteErrorPage /> },
  {
    path: '/',
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    errorElement: <RouteErrorPage />,
    children: [
      { index: true, element: <OverviewPage /> },
      { path: 'gateways', element: <GatewaysPage /> },
      { path: 'gateways/:id', element: <GatewayPage /> },
      { path: 'connections', element: <ConnectionsPage /> },
      { path: 'agents', element: <AgentsPage /> },
      { path: 'agents/:id', element: <AgentPage /> },
      { path: 'sessions', element: <SessionsPage /> },
      { path: 'sessions/:id', element: <SessionPage /> },
      { path: 'tools', element: <ToolsPage /> },
      { path: 'tools/:name', element: <ToolPage /> },
      { path: 'usage', element: <UsagePage /> },
      { path: 'incidents', element: <IncidentsPage /> },
      { path: 'incidents/:id', element: <IncidentPage /> },
      {
        path: 'alerts',
        element: <AlertsLayout />,
        children: [
          { index: true, element: <AlertsIndex /> },
          { path: 'channels', element: admin(<ChannelsPanel />) },
          { path: 'rules', element: admin(<RulesPanel />) },
          { path: 'maintenance', element: <MaintenancePanel /> },
          { path: 'deliveries', element: admin(<DeliveriesPanel />) },
        ],
      },
      {
        path: 'settings',
        element: <SettingsLayout />,
        children: [
          { index: true, element: <Navigate to="system" replace /> },
          { path: 'system', element: <SystemPanel /> },
          { path: 'users', element: admin(<UsersPanel />) },
          { path: 'api-keys', element: admin(<ApiKeysPanel />) },
          { path: 'status-pages', element: admin(<StatusPagesPanel />) },
          { path: 'audit', element: admin(<AuditPanel />) },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
])

function admin(page: ReactNode) {
  return <RequireRole min="admin">{page}</RequireRole>
}
