import type { Section } from '../../components/SectionTabs.tsx'

/** The Alerts section's sub-pages, in tab order. Routes are declared in `router.tsx`. */
export const ALERTS_SECTIONS: Section[] = [
  { path: 'channels', label: 'Channels', minRole: 'admin' },
  { path: 'rules', label: 'Rules', minRole: 'admin' },
  { path: 'maintenance', label: 'Maintenance', minRole: 'viewer' },
  { path: 'deliveries', label: 'Deliveries', minRole: 'admin' },
]
