import { useMemo } from 'react'
import { useTools } from '../../api/tools.ts'
import { EmptyState } from '../../components/EmptyState.tsx'
import { Page } from '../../components/Page.tsx'
import { QueryView } from '../../components/QueryView.tsx'
import { ToolsIcon } from '../../layout/icons.tsx'
import { sortTools } from '../../lib/tool-list.ts'
import { ToolFiltersBar } from './ToolFiltersBar.tsx'
import { ToolsTable } from './ToolsTable.tsx'
import { useToolFilters } from './use-tool-filters.ts'

/** `/tools`: how every gateway's tools perform: calls, failures and latency over a window. */
export function ToolsPage() {
  const [filters, update] = useToolFilters()
  const tools = useTools({ gateway_id: filters.gateway_id, window: filters.window })
  const rows = useMemo(() => sortTools(tools.data?.tools ?? [], filters.sort), [tools.data, filters.sort])
  return (
    <Page
      title="Tools"
      description="Calls, failures and latency of the tools agents run on each gateway, from the watchers"
    >
      <ToolFiltersBar filters={filters} onChange={update} />
      <QueryView
        query={tools}
        errorTitle="Could not load the tools"
        isEmpty={(data) => data.tools.length === 0}
        empty={
          <EmptyState
            icon={<ToolsIcon />}
            title="No tool calls in this window"
            description="Tool calls appear here once a watched gateway's agents run tools. Try a longer window or another gateway."
          />
        }
      >
        {() => <ToolsTable tools={rows} window={filters.window} />}
      </QueryView>
    </Page>
  )
}
