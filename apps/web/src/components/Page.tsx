import type { ComponentProps, ReactNode } from 'react'
import { PageHeader } from './PageHeader.tsx'

type PageProps = ComponentProps<typeof PageHeader> & { children: ReactNode }

/** A page's column, as in the seed's panels: header first, then sections spaced evenly. */
export function Page({ children, ...header }: PageProps) {
  return (
    <div className="mx-auto max-w-5xl space-y-6 p-4 md:p-6">
      <PageHeader {...header} />
      {children}
    </div>
  )
}
