import type { ReactNode } from 'react'
import { PageHeader } from './PageHeader.tsx'

interface PageProps {
  title: string
  description?: string
  actions?: ReactNode
  children: ReactNode
}

/** A page's column, as in the seed's panels: header first, then sections spaced evenly. */
export function Page({ title, description, actions, children }: PageProps) {
  return (
    <div className="mx-auto max-w-5xl space-y-6 p-4 md:p-6">
      <PageHeader title={title} description={description} actions={actions} />
      {children}
    </div>
  )
}
