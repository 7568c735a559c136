import type { AlertRule } from '@mc/shared'
import { useState } from 'react'
import { useAlertChannels, useAlertRules, useDeleteAlertRule } from '../../../api/alerts.ts'
import { useGateways } from '../../../api/gateways.ts'
import { Button } from '../../../components/Button.tsx'
import { ConfirmDialog } from '../../../components/ConfirmDialog.tsx'
import { EmptyState } from '../../../components/EmptyState.tsx'
import { Notice, type NoticeMessage } from '../../../components/Notice.tsx'
import { Panel } from '../../../components/Panel.tsx'
import { QueryView } from '../../../components/QueryView.tsx'
import { useConfirmation } from '../../../lib/use-confirmation.ts'
import { RuleDialog } from './RuleDialog.tsx'
import { RulesTable } from './RulesTable.tsx'

/** Alerts → Rules (admin): which conditions open incidents, for what, and whom they notify. */
export function RulesPanel() {
  const rules = useAlertRules()
  const channels = useAlertChannels()
  const gateways = useGateways()
  const remove = useDeleteAlertRule()
  const deleting = useConfirmation<AlertRule>(remove.reset)
  const [editing, setEditing] = useState<AlertRule | 'new' | null>(null)
  const [notice, setNotice] = useState<NoticeMessage | null>(null)
  const gatewayNames = new Map((gateways.data?.gateways ?? []).map(({ id, name }) => [id, name]))

  return (
    <Panel
      id="rules-heading"
      title="Rules"
      description="Each rule opens one incident per gateway or agent while its condition holds"
      actions={
        <Button variant="primary" onClick={() => setEditing('new')}>
          + Add rule
        </Button>
      }
    >
      <Notice notice={notice} onDismiss={() => setNotice(null)} />
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
            onEdit={setEditing}
            onDelete={deleting.ask}
          />
        )}
      </QueryView>

      {editing && (
        <RuleDialog
          rule={editing === 'new' ? null : editing}
          onCancel={() => setEditing(null)}
          onSaved={(rule) => {
            setNotice({ tone: 'success', text: `Saved ${rule.name}.` })
            setEditing(null)
          }}
        />
      )}
      {deleting.target && (
        <ConfirmDialog
          title={`Delete ${deleting.target.name}?`}
          description="It opens no more incidents; the ones it opened stay in the record."
          confirmLabel="Delete rule"
          pending={remove.isPending}
          error={remove.error}
          onCancel={deleting.close}
          onConfirm={() => {
            const target = deleting.target
            if (!target) return
            remove.mutate(target.id, {
              onSuccess: () => {
                setNotice({ tone: 'success', text: `Deleted ${target.name}.` })
                deleting.close()
              },
            })
          }}
        />
      )}
    </Panel>
  )
}
