import type { StatusPage } from '@mc/shared'
import { useState } from 'react'
import { useGateways } from '../../../api/gateways.ts'
import { useDeleteStatusPage, useStatusPages } from '../../../api/status-pages.ts'
import { Button } from '../../../components/Button.tsx'
import { ConfirmDialog } from '../../../components/ConfirmDialog.tsx'
import { EmptyState } from '../../../components/EmptyState.tsx'
import { Notice } from '../../../components/Notice.tsx'
import { Panel } from '../../../components/Panel.tsx'
import { QueryView } from '../../../components/QueryView.tsx'
import { useListEditor } from '../../../lib/use-list-editor.ts'
import { BadgesDialog } from './BadgesDialog.tsx'
import { StatusPageDialog } from './StatusPageDialog.tsx'
import { StatusPagesTable } from './StatusPagesTable.tsx'

/** Settings → Status pages (admin): pages of chosen gateways' health at `/status/<slug>`, and their badges. */
export function StatusPagesPanel() {
  const statusPages = useStatusPages()
  const gateways = useGateways()
  const remove = useDeleteStatusPage()
  const list = useListEditor<StatusPage>(remove)
  const [badges, setBadges] = useState<StatusPage | null>(null)
  const names = new Map((gateways.data?.gateways ?? []).map(({ id, name }) => [id, name]))

  return (
    <Panel
      id="status-pages-heading"
      title="Status pages"
      description="Uptime and incidents of chosen gateways at /status/<slug>; a public one needs no sign-in and serves badges"
      actions={
        <Button variant="primary" onClick={() => list.edit('new')}>
          + Add status page
        </Button>
      }
    >
      <Notice notice={list.notice} onDismiss={list.dismissNotice} />
      <QueryView
        query={statusPages}
        errorTitle="Could not load the status pages"
        isEmpty={(data) => data.status_pages.length === 0}
        empty={
          <EmptyState
            title="No status pages yet"
            description="Add one to show your users how the gateways they depend on are doing, without giving them a sign-in."
          />
        }
      >
        {(data) => (
          <StatusPagesTable
            pages={data.status_pages}
            onBadges={setBadges}
            onEdit={list.edit}
            onDelete={list.askDelete}
          />
        )}
      </QueryView>

      {list.editing && (
        <StatusPageDialog
          page={list.editing === 'new' ? null : list.editing}
          onCancel={list.closeEditor}
          onSaved={list.saved}
        />
      )}
      {badges && (
        <BadgesDialog
          page={badges}
          gatewayName={(id) => names.get(id) ?? `Gateway #${id}`}
          onClose={() => setBadges(null)}
        />
      )}
      {list.deleteDialog && (
        <ConfirmDialog
          {...list.deleteDialog}
          description="Its address and badges stop answering at once; the gateways themselves stay."
          confirmLabel="Delete status page"
        />
      )}
    </Panel>
  )
}
