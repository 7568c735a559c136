import { useSearchParams } from 'react-router'
import { useAuditLog } from '../../../api/audit.ts'
import type { AuditFilters as Filters } from '../../../api/queries.ts'
import { EmptyState } from '../../../components/EmptyState.tsx'
import { LoadMore } from '../../../components/LoadMore.tsx'
import { Panel } from '../../../components/Panel.tsx'
import { QueryView } from '../../../components/QueryView.tsx'
import { RefreshActions } from '../../../components/RefreshActions.tsx'
import { AuditIcon } from '../../../layout/icons.tsx'
import { AuditFilters } from './AuditFilters.tsx'
import { AuditTable } from './AuditTable.tsx'

/** Settings → Audit log (admin): who did what, newest first, filtered by `?action=&actor=`. */
export function AuditPanel() {
  const [params, setParams] = useSearchParams()
  const filters: Filters = {
    action: params.get('action') || undefined,
    actor: params.get('actor') || undefined,
  }
  const filtered = filters.action !== undefined || filters.actor !== undefined
  const log = useAuditLog(filters)

  const applyFilters = (next: Filters) => {
    const search = new URLSearchParams()
    if (next.action) search.set('action', next.action)
    if (next.actor) search.set('actor', next.actor)
    setParams(search)
  }

  return (
    <Panel
      id="audit-heading"
      title="Audit log"
      description="Sign-ins, refused credentials and every change to users, API keys and gateways, newest first"
      actions={<RefreshActions log={log} />}
    >
      <AuditFilters filters={filters} onApply={applyFilters} />
      <QueryView
        query={log}
        errorTitle="Could not load the audit log"
        isEmpty={(data) => data.pages.every((page) => page.entries.length === 0)}
        empty={
          <EmptyState
            icon={<AuditIcon />}
            title={filtered ? 'No entries match these filters' : 'No audit entries yet'}
            description={
              filtered
                ? 'Try another action or actor, or clear the filters.'
                : 'Sign-ins and changes to users, API keys and gateways are recorded here as they happen.'
            }
          />
        }
      >
        {(data) => {
          const entries = data.pages.flatMap((page) => page.entries)
          return (
            <>
              <AuditTable entries={entries} onFilter={applyFilters} />
              <LoadMore
                query={log}
                count={`${entries.length} ${entries.length === 1 ? 'entry' : 'entries'}`}
                end="the whole log"
                testId="audit-count"
              />
            </>
          )
        }}
      </QueryView>
    </Panel>
  )
}
