import { NavLink } from 'react-router'
import { cx } from '../lib/class-names.ts'
import { Brand } from './Brand.tsx'
import { NAV_ITEMS } from './nav-items.ts'

/** Brand and main navigation: a column on wide screens, a scrolling row on narrow ones. */
export function Sidebar() {
  return (
    <aside className="shrink-0 border-b bg-card/60 md:sticky md:top-0 md:h-screen md:w-56 md:border-r md:border-b-0">
      <div className="flex h-12 items-center px-4">
        <Brand />
      </div>
      <nav aria-label="Main" className="flex gap-1 overflow-x-auto px-2 pb-2 md:flex-col md:pt-2">
        {NAV_ITEMS.map(({ to, label, icon: Icon }) => (
          <NavLink
            key={to}
            to={to}
            className={({ isActive }) =>
              cx(
                'flex items-center gap-2.5 whitespace-nowrap rounded-md px-2.5 py-1.5 text-sm transition-colors',
                isActive
                  ? 'bg-primary/15 font-medium text-primary'
                  : 'text-muted-foreground hover:bg-accent hover:text-accent-foreground',
              )
            }
          >
            <Icon className="hidden size-4 shrink-0 sm:block" />
            {label}
          </NavLink>
        ))}
      </nav>
    </aside>
  )
}
