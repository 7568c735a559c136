import type { ReactNode } from 'react'
import { Link, useLocation } from 'react-router'
import { Page } from '../components/Page.tsx'

interface NotFoundPageProps {
  title?: string
  /** What is missing; by default, the page at the current path. */
  message?: ReactNode
}

export function NotFoundPage({ title = 'Page not found', message }: NotFoundPageProps) {
  const { pathname } = useLocation()
  return (
    <Page title={title}>
      <div className="rounded-lg border bg-card p-8 text-center">
        <p className="font-mono font-semibold text-4xl text-muted-foreground">404</p>
        <p className="mt-3 text-sm">
          {message ?? (
            <>
              There is no page at{' '}
              <code className="rounded bg-muted px-1 py-0.5 font-mono text-xs">{pathname}</code>.
            </>
          )}
        </p>
        <Link to="/gateways" className="mt-4 inline-block text-primary text-sm hover:underline">
          Go to Gateways
        </Link>
      </div>
    </Page>
  )
}
