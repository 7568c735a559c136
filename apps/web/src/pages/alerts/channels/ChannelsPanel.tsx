import type { AlertChannel } from '@mc/shared'
import { useState } from 'react'
import { useAlertChannels, useDeleteAlertChannel, useTestAlertChannel } from '../../../api/alerts.ts'
import { Button } from '../../../components/Button.tsx'
import { ConfirmDialog } from '../../../components/ConfirmDialog.tsx'
import { EmptyState } from '../../../components/EmptyState.tsx'
import { Notice } from '../../../components/Notice.tsx'
import { Panel } from '../../../components/Panel.tsx'
import { QueryView } from '../../../components/QueryView.tsx'
import { useListEditor } from '../../../lib/use-list-editor.ts'
import { ChannelDialog } from './ChannelDialog.tsx'
import { ChannelsTable, type TestResult } from './ChannelsTable.tsx'

/** Alerts → Channels (admin): where notifications go, how the last one went, and a test button. */
export function ChannelsPanel() {
  const channels = useAlertChannels()
  const test = useTestAlertChannel()
  const remove = useDeleteAlertChannel()
  const list = useListEditor<AlertChannel>(remove)
  const [testing, setTesting] = useState<ReadonlySet<number>>(new Set())
  const [results, setResults] = useState<ReadonlyMap<number, TestResult>>(new Map())

  const runTest = (channel: AlertChannel) => {
    setTesting((ids) => new Set(ids).add(channel.id))
    const record = (result: TestResult) => {
      setResults((shown) => new Map(shown).set(channel.id, result))
      setTesting((ids) => new Set([...ids].filter((id) => id !== channel.id)))
    }
    // mutateAsync: callbacks given to `mutate` fire only for the latest call, and tests may overlap.
    test.mutateAsync(channel.id).then(
      ({ delivery }) => record({ delivery }),
      (error: unknown) => record({ error }),
    )
  }

  return (
    <Panel
      id="channels-heading"
      title="Channels"
      description="Webhook, Slack, Discord, email and ntfy receivers; a channel whose last delivery failed is marked failing"
      actions={
        <Button variant="primary" onClick={() => list.edit('new')}>
          + Add channel
        </Button>
      }
    >
      <Notice notice={list.notice} onDismiss={list.dismissNotice} />
      <QueryView
        query={channels}
        errorTitle="Could not load the channels"
        isEmpty={(data) => data.channels.length === 0}
        empty={
          <EmptyState
            title="No channels yet"
            description="Add one, then name it in a rule: incidents of that rule are sent there."
          />
        }
      >
        {(data) => (
          <ChannelsTable
            channels={data.channels}
            testing={testing}
            results={results}
            onTest={runTest}
            onEdit={list.edit}
            onDelete={list.askDelete}
          />
        )}
      </QueryView>

      {list.editing && (
        <ChannelDialog
          channel={list.editing === 'new' ? null : list.editing}
          onCancel={list.closeEditor}
          onSaved={list.saved}
        />
      )}
      {list.deleteDialog && (
        <ConfirmDialog
          {...list.deleteDialog}
          description="Rules stop sending to it; its past deliveries stay in the log."
          confirmLabel="Delete channel"
        />
      )}
    </Panel>
  )
}
