import type { ComponentType } from 'react'
import { AgentsIcon, ConnectionsIcon, GatewaysIcon, OverviewIcon, SettingsIcon } from './icons.tsx'

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
  { to: '/settings', label: 'Settings', icon: SettingsIcon },
]
