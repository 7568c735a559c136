import type { ReactNode } from 'react'
import type { SessionFilters } from '../../api/queries.ts'
import { useSessions } from '../../api/sessions.ts'
import { LoadMore } from '../../components/LoadMore.tsx'
import { QueryView } from '../../components/QueryView.tsx'
import { SessionsTable } from './SessionsTable.tsx'

interface SessionResultsProps {
  filters: SessionFilters
  pageSize?: number
  showGateway: boolean
  /** Shown when no session matches. */
  empty: ReactNode
}

/** A paged list of the sessions `filters` match: loading, error, empty, or the table and "Load more". */
export function SessionResults({ filters, pageSize, showGateway, empty }: SessionResultsProps) {
  const sessions = useSessions(filters, pageSize)
  return (
    <QueryView
      query={sessions}
      errorTitle="Could not load the sessions"
      isEmpty={(data) => data.pages.every((page) => page.sessions.length === 0)}
      empty={empty}
    >
      {(data) => {
        const rows = data.pages.flatMap((page) => page.sessions)
        return (
          <>
            <SessionsTable sessions={rows} showGateway={showGateway} />
            <LoadMore
              query={sessions}
              count={`${rows.length} ${rows.length === 1 ? 'session' : 'sessions'}`}
              end="all of them"
              testId="sessions-count"
            />
          </>
        )
      }}
    </QueryView>
  )
}
