import type { Role } from '@mc/shared'
import { NavLink } from 'react-router'
import { useRole } from '../auth/use-role.ts'
import { cx } from '../lib/class-names.ts'

export interface Section {
  /** Path below the tabs' base path. */
  path: string
  label: string
  /** Whom to show it to; the route itself says "requires …" to anyone else. */
  minRole: Role
}

/** Tabs for a page's sub-pages (Settings, Alerts), showing only the ones the signed-in role may use. */
export function SectionTabs({ label, base, sections }: { label: string; base: string; sections: Section[] }) {
  const { can } = useRole()
  return (
    <nav aria-label={label} className="flex gap-1 overflow-x-auto border-b">
      {sections
        .filter((section) => can(section.minRole))
        .map((section) => (
          <NavLink
            key={section.path}
            to={`${base}/${section.path}`}
            className={({ isActive }) =>
              cx(
                'whitespace-nowrap border-b-2 px-3 py-2 text-sm transition-colors',
                isActive
                  ? 'border-primary font-medium text-foreground'
                  : 'border-transparent text-muted-foreground hover:text-foreground',
              )
            }
          >
            {section.label}
          </NavLink>
        ))}
    </nav>
  )
}
