import type { AlertRule } from '@mc/shared'
import { useAlertChannels, useAlertRules, useDeleteAlertRule } from '../../../api/alerts.ts'
import { useGateways } from '../../../api/gateways.ts'
import { Button } from '../../../components/Button.tsx'
import { ConfirmDialog } from '../../../components/ConfirmDialog.tsx'
import { EmptyState } from '../../../components/EmptyState.tsx'
import { Notice } from '../../../components/Notice.tsx'
import { Panel } from '../../../components/Panel.tsx'
import { QueryView } from '../../../components/QueryView.tsx'
import { useListEditor } from '../../../lib/use-list-editor.ts'
import { RuleDialog } from './RuleDialog.tsx'
import { RulesTable } from './RulesTable.tsx'

/** Alerts → Rules (admin): which conditions open incidents, for what, and whom they notify. */
export function RulesPanel() {
  const rules = useAlertRules()
  const channels = useAlertChannels()
  const gateways = useGateways()
  const remove = useDeleteAlertRule()
  const list = useListEditor<AlertRule>(remove)
  const gatewayNames = new Map((gateways.data?.gateways ?? []).map(({ id, name }) => [id, name]))

  return (
    <Panel
      id="rules-heading"
      title="Rules"
      description="Each rule opens one incident per gateway or agent while its condition holds"
      actions={
        <Button variant="primary" onClick={() => list.edit('new')}>
          + Add rule
        </Button>
      }
    >
      <Notice notice={list.notice} onDismiss={list.dismissNotice} />
      <QueryView
        query={rules}
        errorTitle="Could not load the rules"
        isEmpty={(data) => data.rules.length === 0}
        empty={
          <EmptyState
            title="No rules yet"
            description="Without a rule nothing opens an incident. Start with “Gateway down” and a channel."
          />
        }
      >
        {(data) => (
          <RulesTable
            rules={data.rules}
            channels={channels.data?.channels ?? []}
            gatewayNames={gatewayNames}
            onEdit={list.edit}
            onDelete={list.askDelete}
          />
        )}
      </QueryView>

      {list.editing && (
        <RuleDialog
          rule={list.editing === 'new' ? null : list.editing}
          onCancel={list.closeEditor}
          onSaved={list.saved}
        />
      )}
      {list.deleteDialog && (
        <ConfirmDialog
          {...list.deleteDialog}
          description="It opens no more incidents; the ones it opened stay in the record."
          confirmLabel="Delete rule"
        />
      )}
    </Panel>
  )
}
