import { NavLink } from 'react-router'
import { useRole } from '../../auth/use-role.ts'
import { cx } from '../../lib/class-names.ts'
import { SETTINGS_SECTIONS } from './settings-sections.ts'

/** Tabs for Settings' sub-pages, showing only the ones the signed-in role may use. */
export function SettingsNav() {
  const { can } = useRole()
  return (
    <nav aria-label="Settings" className="flex gap-1 overflow-x-auto border-b">
      {SETTINGS_SECTIONS.filter((section) => can(section.minRole)).map((section) => (
        <NavLink
          key={section.path}
          to={`/settings/${section.path}`}
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
