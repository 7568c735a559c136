import type { ReactNode } from 'react'
import { Card } from './Card.tsx'

interface PanelProps {
  /** The heading's id, which also labels the panel. */
  id: string
  title: string
  /** Next to the title, e.g. a status badge. */
  badge?: ReactNode
  description?: ReactNode
  /** Right-hand buttons. */
  actions?: ReactNode
  children: ReactNode
}

/** A card with a heading row (title, badge, one line of context, actions) over its sections. */
export function Panel({ id, title, badge, description, actions, children }: PanelProps) {
  return (
    <Card aria-labelledby={id}>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <div className="flex items-center gap-2">
            <h2 id={id} className="font-semibold text-sm">
              {title}
            </h2>
            {badge}
          </div>
          {description && <p className="mt-0.5 text-muted-foreground text-xs">{description}</p>}
        </div>
        {actions && <div className="flex flex-wrap items-center gap-2">{actions}</div>}
      </div>
      <div className="mt-4 space-y-4">{children}</div>
    </Card>
  )
}
