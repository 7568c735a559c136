import type { ReactNode } from 'react'
import { Navigate, useLocation } from 'react-router'
import { useMe } from '../api/auth.ts'
import { isUnauthenticated } from '../api/query-client.ts'
import { ErrorState } from '../components/ErrorState.tsx'
import { Spinner } from '../components/Spinner.tsx'
import { BareLayout } from '../layout/BareLayout.tsx'
import { loginPath } from '../lib/login-path.ts'

/**
 * The gate in front of the app: asks `/api/auth/me` who is signed in and sends nobody to
 * `/login?next=<here>`. Once it knows, a failing re-check (API down) keeps the app on screen.
 */
export function RequireAuth({ children }: { children: ReactNode }) {
  const me = useMe()
  const { pathname, search } = useLocation()

  if (me.data) return children
  if (isUnauthenticated(me.error)) return <Navigate to={loginPath(pathname + search)} replace />
  return (
    <BareLayout>
      {me.isError ? (
        <div className="w-full max-w-md">
          <ErrorState
            title="Could not check who is signed in"
            error={me.error}
            onRetry={() => me.refetch()}
            retrying={me.isFetching}
          />
        </div>
      ) : (
        <Spinner label="Checking your sign-in" />
      )}
    </BareLayout>
  )
}
