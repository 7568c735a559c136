import type { ReactNode } from 'react'
import { ErrorState } from './ErrorState.tsx'
import { Skeleton } from './Skeleton.tsx'

/** The part of a React Query result this view needs (plain and infinite queries both fit). */
interface QueryLike<T> {
  data: T | undefined
  error: unknown
  isError: boolean
  isFetching: boolean
  refetch: () => unknown
}

interface QueryViewProps<T> {
  query: QueryLike<T>
  /** The error's title: "Could not load users". */
  errorTitle: string
  isEmpty: (data: T) => boolean
  empty: ReactNode
  children: (data: T) => ReactNode
}

/** The honest states of a list: loading rows, the error with a retry, the empty state, or the data. */
export function QueryView<T>({ query, errorTitle, isEmpty, empty, children }: QueryViewProps<T>) {
  if (query.data !== undefined) return isEmpty(query.data) ? empty : children(query.data)
  if (query.isError) {
    return (
      <ErrorState
        title={errorTitle}
        error={query.error}
        onRetry={() => query.refetch()}
        retrying={query.isFetching}
      />
    )
  }
  return (
    <div className="space-y-2" aria-busy="true">
      {[1, 2, 3].map((row) => (
        <Skeleton key={row} className="h-9 w-full" />
      ))}
    </div>
  )
}
