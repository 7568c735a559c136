import { Button } from './Button.tsx'
import { Spinner } from './Spinner.tsx'

/** The part of an infinite query the buttons need. */
interface RefreshableLog {
  isFetching: boolean
  isFetchingNextPage: boolean
  refetch: () => unknown
}

/** A paged log panel's header actions: a spinner while it reloads (not while loading more) and Refresh. */
export function RefreshActions({ log }: { log: RefreshableLog }) {
  return (
    <>
      {log.isFetching && !log.isFetchingNextPage && <Spinner label="Loading" />}
      <Button variant="ghost" onClick={() => log.refetch()} disabled={log.isFetching}>
        Refresh
      </Button>
    </>
  )
}
