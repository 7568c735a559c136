import type { ReactNode } from 'react'
import { Button } from './Button.tsx'

/** The part of an infinite query the footer needs. */
interface PagedQuery {
  hasNextPage: boolean
  isFetchingNextPage: boolean
  fetchNextPage: () => unknown
}

interface LoadMoreProps {
  query: PagedQuery
  /** How many rows are shown, e.g. "120 entries". */
  count: ReactNode
  /** Said after the count once there is nothing more: "the whole log". */
  end: string
  testId: string
  /** The button's label; "Load more" unless the list says what comes next ("Older events"). */
  moreLabel?: string
}

/** Under a paged list: how much is shown and "Load more" while the API has older rows. */
export function LoadMore({ query, count, end, testId, moreLabel = 'Load more' }: LoadMoreProps) {
  return (
    <div className="flex items-center justify-between gap-3 text-muted-foreground text-xs">
      <span data-testid={testId}>
        {count}
        {query.hasNextPage ? '' : ` · ${end}`}
      </span>
      {query.hasNextPage && (
        <Button onClick={() => query.fetchNextPage()} disabled={query.isFetchingNextPage}>
          {query.isFetchingNextPage ? 'Loading…' : moreLabel}
        </Button>
      )}
    </div>
  )
}
