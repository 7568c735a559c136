import { Link, useLocation } from 'react-router'
import { Page } from '../components/Page.tsx'

export function NotFoundPage() {
  const { pathname } = useLocation()
  return (
    <Page title="Page not found">
      <div className="rounded-lg border bg-card p-8 text-center">
        <p className="font-mono font-semibold text-4xl text-muted-foreground">404</p>
        <p className="mt-3 text-sm">
          There is no page at{' '}
          <code className="rounded bg-muted px-1 py-0.5 font-mono text-xs">{pathname}</code>.
        </p>
        <Link to="/gateways" className="mt-4 inline-block text-primary text-sm hover:underline">
          Go to Gateways
        </Link>
      </div>
    </Page>
  )
}
