import { ApiRequestError } from '@mc/shared'
import { ErrorState } from './ErrorState.tsx'
import { Page } from './Page.tsx'
import type { BackLink } from './PageHeader.tsx'
import { Skeleton } from './Skeleton.tsx'

interface PendingQuery {
  error: unknown
  isError: boolean
  isFetching: boolean
  refetch: () => unknown
}

/** The API answered 404: the thing a detail page is about does not exist. */
export const isNotFound = (error: unknown) => error instanceof ApiRequestError && error.status === 404

/** A detail page before its data: a skeleton while loading, or the error with a retry. */
export function PendingPage({
  title,
  back,
  query,
  errorTitle,
}: {
  title: string
  back: BackLink
  query: PendingQuery
  errorTitle: string
}) {
  return (
    <Page title={title} back={back}>
      {query.isError ? (
        <ErrorState
          title={errorTitle}
          error={query.error}
          onRetry={() => query.refetch()}
          retrying={query.isFetching}
        />
      ) : (
        <Skeleton className="h-40 w-full" />
      )}
    </Page>
  )
}
