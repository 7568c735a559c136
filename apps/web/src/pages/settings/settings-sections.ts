import type { Role } from '@mc/shared'

export interface SettingsSection {
  /** Path below `/settings`. */
  path: string
  label: string
  /** Whom to show it to in the navigation; the route itself says "requires …" to anyone else. */
  minRole: Role
}

/** Settings' sub-pages, in tab order. Routes are declared in `router.tsx`. */
export const SETTINGS_SECTIONS: SettingsSection[] = [
  { path: 'system', label: 'System', minRole: 'viewer' },
  { path: 'users', label: 'Users', minRole: 'admin' },
  { path: 'api-keys', label: 'API keys', minRole: 'admin' },
  { path: 'audit', label: 'Audit log', minRole: 'admin' },
]
