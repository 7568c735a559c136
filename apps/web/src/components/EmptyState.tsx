import type { ReactNode } from 'react'

interface EmptyStateProps {
  title: string
  description: ReactNode
  icon?: ReactNode
  /** An optional next step, e.g. a button. */
  children?: ReactNode
}

/** Says why a list is empty and what makes things appear in it. */
export function EmptyState({ title, description, icon, children }: EmptyStateProps) {
  return (
    <div className="flex flex-col items-center rounded-lg border border-dashed bg-card/40 px-6 py-12 text-center">
      {icon && (
        <div className="mb-3 flex size-10 items-center justify-center rounded-full border bg-muted text-muted-foreground">
          {icon}
        </div>
      )}
      <h2 className="font-semibold text-sm">{title}</h2>
      <p className="mt-1 max-w-md text-muted-foreground text-xs leading-relaxed">{description}</p>
      {children && <div className="mt-4">{children}</div>}
    </div>
  )
}
