import { NavLink } from 'react-router'
import { cx } from '../lib/class-names.ts'
import { Brand } from './Brand.tsx'
import { NAV_ITEMS } from './nav-items.ts'

/**
 * Brand and main navigation: a column on wide screens; on a phone, two rows of five equal tabs with
 * their icons, so every section (Settings too) shows without scrolling and keeps a readable label.
 */
export function Sidebar() {
  return (
    <aside className="shrink-0 border-b bg-card/60 md:sticky md:top-0 md:h-screen md:w-56 md:border-r md:border-b-0">
      <div className="flex h-12 items-center px-4">
        <Brand />
      </div>
      <nav
        aria-label="Main"
        className="grid grid-cols-5 gap-0.5 px-1 pb-2 sm:flex sm:flex-wrap sm:gap-1 sm:px-2 md:flex-col md:pt-2"
      >
        {NAV_ITEMS.map(({ to, label, icon: Icon }) => (
          <NavLink
            key={to}
            to={to}
            className={({ isActive }) =>
              cx(
                'flex min-w-0 flex-col items-center gap-1 rounded-md px-1 py-1.5 text-[11px] transition-colors',
                'sm:flex-row sm:gap-2.5 sm:whitespace-nowrap sm:px-2.5 sm:text-sm',
                isActive
                  ? 'bg-primary/15 font-medium text-primary'
                  : 'text-muted-foreground hover:bg-accent hover:text-accent-foreground',
              )
            }
          >
            <Icon className="size-4 shrink-0" />
            <span className="max-w-full truncate">{label}</span>
          </NavLink>
        ))}
      </nav>
    </aside>
  )
}
