import type { ReactNode } from 'react'
import { Link } from 'react-router'

/** A link up to the page this one belongs to: "← Gateways". */
export interface BackLink {
  to: string
  label: string
}

interface PageHeaderProps {
  title: string
  description?: ReactNode
  /** Buttons on the right, e.g. "Probe All". */
  actions?: ReactNode
  /** Next to the title, e.g. a status and a PRIMARY badge. */
  badges?: ReactNode
  back?: BackLink
}

/** A page's heading row; also names the browser tab. */
export function PageHeader({ title, description, actions, badges, back }: PageHeaderProps) {
  return (
    <div className="flex flex-wrap items-center justify-between gap-3">
      <title>{`${title} · Mission Control`}</title>
      <div className="min-w-0">
        {back && (
          <Link
            to={back.to}
            className="mb-1 inline-block text-muted-foreground text-xs hover:text-foreground"
          >
            ← {back.label}
          </Link>
        )}
        <div className="flex flex-wrap items-center gap-2">
          <h1 className="font-semibold text-lg">{title}</h1>
          {badges}
        </div>
        {description && <div className="mt-0.5 text-muted-foreground text-xs">{description}</div>}
      </div>
      {actions && <div className="flex flex-wrap items-center gap-2">{actions}</div>}
    </div>
  )
}
