import type { Gateway } from '@mc/shared'
import { useState } from 'react'
import { useProbesInFlight } from '../../api/gateway-probes.ts'
import { useDeleteGateway, useGatewayCounts, useUpdateGateway } from '../../api/gateways.ts'
import { useRole } from '../../auth/use-role.ts'
import { Button } from '../../components/Button.tsx'
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx'
import { Notice, type NoticeMessage } from '../../components/Notice.tsx'
import { Page } from '../../components/Page.tsx'
import { errorMessage } from '../../lib/error-message.ts'
import { totalOf } from '../../lib/gateway-status.ts'
import { useConfirmation } from '../../lib/use-confirmation.ts'
import { DirectConnectionsSection } from '../connections/DirectConnectionsSection.tsx'
import { AddGatewayForm } from './AddGatewayForm.tsx'
import { EditGatewayDialog } from './EditGatewayDialog.tsx'
import { FailoverSection } from './FailoverSection.tsx'
import { GatewayList } from './GatewayList.tsx'
import { GatewaysEmptyState } from './GatewaysEmptyState.tsx'
import { ProbeButton } from './ProbeButton.tsx'
import { RelayPanel } from './RelayPanel.tsx'
import { RotateTokenDialog } from './RotateTokenDialog.tsx'
import { useProbeRunner } from './use-probe-runner.ts'

/** The seed's Gateway Manager: every registered gateway, probing, and (for admins) the registry. */
export function GatewaysPage() {
  const fleet = useGatewayCounts('')
  const { can } = useRole()
  const [adding, setAdding] = useState(false)
  const [notice, setNotice] = useState<NoticeMessage | null>(null)
  const [editing, setEditing] = useState<Gateway | null>(null)
  const [rotating, setRotating] = useState<Gateway | null>(null)
  const setPrimary = useUpdateGateway()
  const remove = useDeleteGateway()
  const deleting = useConfirmation<Gateway>(remove.reset)
  const prober = useProbeRunner(setNotice)
  const probingAll = useProbesInFlight().all
  const count = fleet.data ? totalOf(fleet.data) : 0
  const say = (text: string) => setNotice({ tone: 'success', text })

  const actions = (
    <>
      {can('operator') && (
        <ProbeButton
          label="Probe All"
          target="all gateways"
          probing={probingAll}
          disabled={count === 0}
          onClick={() => prober.run({})}
        />
      )}
      {can('admin') && (
        <Button variant="primary" aria-expanded={adding} onClick={() => setAdding(!adding)}>
          + Add Gateway
        </Button>
      )}
    </>
  )

  return (
    <Page
      title="Gateway Manager"
      description="Manage multiple OpenClaw gateway connections"
      actions={actions}
    >
      <RelayPanel hasGateways={count > 0} />
      {adding && (
        <AddGatewayForm
          onCancel={() => setAdding(false)}
          onAdded={(gateway) => {
            setAdding(false)
            say(`Added ${gateway.name}${gateway.is_primary ? ' as the primary gateway' : ''}.`)
          }}
        />
      )}
      <Notice notice={notice} onDismiss={() => setNotice(null)} />
      {count > 0 && (
        <FailoverSection
          fleetSize={count}
          onFailedOver={(gateway) => say(`Failed over: ${gateway.name} is now the primary gateway.`)}
        />
      )}
      <GatewayList
        empty={<GatewaysEmptyState onAdd={can('admin') ? () => setAdding(true) : null} adding={adding} />}
        busyId={setPrimary.isPending ? (setPrimary.variables?.id ?? null) : null}
        probedAt={prober.probedAt}
        onProbe={(gateway) => prober.run({ id: gateway.id })}
        onSetPrimary={(gateway) =>
          setPrimary.mutate(
            { id: gateway.id, is_primary: true },
            {
              onSuccess: () => say(`${gateway.name} is now the primary gateway.`),
              onError: (error) =>
                setNotice({
                  tone: 'error',
                  text: `Could not make ${gateway.name} primary: ${errorMessage(error)}`,
                }),
            },
          )
        }
        onEdit={setEditing}
        onRotateToken={setRotating}
        onDelete={deleting.ask}
      />

      {editing && (
        <EditGatewayDialog
          gateway={editing}
          onCancel={() => setEditing(null)}
          onSaved={(gateway) => {
            setEditing(null)
            say(`Saved ${gateway.name}.`)
          }}
        />
      )}
      {rotating && <RotateTokenDialog gateway={rotating} onClose={() => setRotating(null)} />}
      <DirectConnectionsSection />
      {deleting.target && (
        <ConfirmDialog
          title={`Delete ${deleting.target.name}?`}
          description={
            <>
              <strong className="text-foreground">{deleting.target.name}</strong> is removed from Mission
              Control with its probe history and token. The gateway itself keeps running.
            </>
          }
          confirmLabel="Delete gateway"
          pending={remove.isPending}
          error={remove.error}
          onCancel={deleting.close}
          onConfirm={() => {
            const target = deleting.target
            if (target)
              remove.mutate(target.id, {
                onSuccess: () => {
                  deleting.close()
                  say(`Deleted ${target.name}.`)
                },
              })
          }}
        />
      )}
    </Page>
  )
}
