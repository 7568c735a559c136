import type { Section } from '../../components/SectionTabs.tsx'

/** Settings' sub-pages, in tab order. Routes are declared in `router.tsx`. */
export const SETTINGS_SECTIONS: Section[] = [
  { path: 'system', label: 'System', minRole: 'viewer' },
  { path: 'users', label: 'Users', minRole: 'admin' },
  { path: 'api-keys', label: 'API keys', minRole: 'admin' },
  { path: 'status-pages', label: 'Status pages', minRole: 'admin' },
  { path: 'audit', label: 'Audit log', minRole: 'admin' },
]
