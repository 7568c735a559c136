import { useRouteError } from 'react-router'
import { Button } from '../components/Button.tsx'
import { ErrorState } from '../components/ErrorState.tsx'

/** Shown instead of the app when rendering a page throws: better than a blank screen. */
export function RouteErrorPage() {
  const error = useRouteError()
  return (
    <div className="mx-auto max-w-lg space-y-3 p-6">
      <ErrorState title="Mission Control hit an unexpected error" error={error} />
      <Button onClick={() => window.location.reload()}>Reload</Button>
    </div>
  )
}
