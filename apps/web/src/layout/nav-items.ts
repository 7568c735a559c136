import type { ComponentType } from 'react'
import {
  AgentsIcon,
  AlertsIcon,
  ConnectionsIcon,
  GatewaysIcon,
  IncidentsIcon,
  OverviewIcon,
  SessionsIcon,
  SettingsIcon,
  ToolsIcon,
  UsageIcon,
} from './icons.tsx'

export interface NavItem {
  to: string
  label: string
  icon: ComponentType<{ className?: string }>
}

/** The main sections, in sidebar order. Routes are declared in `router.tsx`. */
export const NAV_ITEMS: NavItem[] = [
  { to: '/', label: 'Overview', icon: OverviewIcon },
  { to: '/gateways', label: 'Gateways', icon: GatewaysIcon },
  { to: '/connections', label: 'Connections', icon: ConnectionsIcon },
  { to: '/agents', label: 'Agents', icon: AgentsIcon },
  { to: '/sessions', label: 'Sessions', icon: SessionsIcon },
  { to: '/tools', label: 'Tools', icon: ToolsIcon },
  { to: '/usage', label: 'Usage', icon: UsageIcon },
  { to: '/incidents', label: 'Incidents', icon: IncidentsIcon },
  { to: '/alerts', label: 'Alerts', icon: AlertsIcon },
  { to: '/settings', label: 'Settings', icon: SettingsIcon },
]
