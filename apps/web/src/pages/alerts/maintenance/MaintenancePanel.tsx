import type { MaintenanceWindow } from '@mc/shared'
import { useState } from 'react'
import { useGateways } from '../../../api/gateways.ts'
import { useEndMaintenanceWindow, useMaintenanceWindows } from '../../../api/maintenance.ts'
import { useRole } from '../../../auth/use-role.ts'
import { Badge } from '../../../components/Badge.tsx'
import { Button } from '../../../components/Button.tsx'
import { ConfirmDialog } from '../../../components/ConfirmDialog.tsx'
import { EmptyState } from '../../../components/EmptyState.tsx'
import { Panel } from '../../../components/Panel.tsx'
import { QueryView } from '../../../components/QueryView.tsx'
import { Table, TableHead, Td, Tr } from '../../../components/Table.tsx'
import { sortWindows, type WindowPhase, windowPhase } from '../../../lib/maintenance-windows.ts'
import { formatDateTime } from '../../../lib/time.ts'
import { useConfirmation } from '../../../lib/use-confirmation.ts'
import { useNowSeconds } from '../../../lib/use-now.ts'
import { MaintenanceDialog } from './MaintenanceDialog.tsx'

const PHASE_BADGE: Record<WindowPhase, 'warning' | 'primary' | 'neutral'> = {
  current: 'warning',
  upcoming: 'primary',
  recent: 'neutral',
}

/** Alerts → Maintenance (everyone sees; operators schedule and end): quiet times for gateways. */
export function MaintenancePanel() {
  const windows = useMaintenanceWindows()
  const gateways = useGateways()
  const end = useEndMaintenanceWindow()
  const ending = useConfirmation<MaintenanceWindow>(end.reset)
  const { can } = useRole()
  const [creating, setCreating] = useState(false)
  const now = useNowSeconds(15_000)
  const gatewayName = new Map((gateways.data?.gateways ?? []).map(({ id, name }) => [id, name]))

  return (
    <Panel
      id="maintenance-heading"
      title="Maintenance windows"
      description="Current and upcoming first; incidents during a window are recorded but notify nobody until it ends"
      actions={
        can('operator') && (
          <Button variant="primary" onClick={() => setCreating(true)}>
            + Schedule maintenance
          </Button>
        )
      }
    >
      <QueryView
        query={windows}
        errorTitle="Could not load the maintenance windows"
        isEmpty={(data) => data.windows.length === 0}
        empty={
          <EmptyState
            title="No maintenance windows"
            description="Schedule one before planned work so its gateways' incidents notify nobody meanwhile."
          />
        }
      >
        {(data) => (
          <Table aria-label="Maintenance windows">
            <TableHead
              columns={['', 'Gateways', 'Starts', 'Ends', 'Reason', 'By', { label: '', className: 'w-1' }]}
            />
            <tbody>
              {sortWindows(data.windows, now).map((window) => {
                const phase = windowPhase(window, now)
                return (
                  <Tr key={window.id} data-window={window.id} data-phase={phase}>
                    <Td>
                      <Badge variant={PHASE_BADGE[phase]}>
                        {window.cancelled_at === null ? phase : 'ended early'}
                      </Badge>
                    </Td>
                    <Td className="max-w-48 truncate">
                      {window.gateway_ids.map((id) => gatewayName.get(id) ?? `#${id}`).join(', ')}
                    </Td>
                    <Td className="whitespace-nowrap font-mono text-muted-foreground">
                      {formatDateTime(window.starts_at)}
                    </Td>
                    <Td className="whitespace-nowrap font-mono text-muted-foreground">
                      {formatDateTime(window.cancelled_at ?? window.ends_at)}
                    </Td>
                    <Td className="max-w-48 truncate" title={window.reason}>
                      {window.reason}
                    </Td>
                    <Td className="text-muted-foreground">{window.created_by}</Td>
                    <Td>
                      {can('operator') && phase !== 'recent' && (
                        <Button className="h-7" onClick={() => ending.ask(window)}>
                          {phase === 'current' ? 'End now' : 'Cancel'}
                        </Button>
                      )}
                    </Td>
                  </Tr>
                )
              })}
            </tbody>
          </Table>
        )}
      </QueryView>

      {creating && (
        <MaintenanceDialog onCancel={() => setCreating(false)} onSaved={() => setCreating(false)} />
      )}
      {ending.target && (
        <ConfirmDialog
          title="End this maintenance window now?"
          description="Incidents of its gateways that are still open notify their channels from now on."
          confirmLabel="End now"
          pending={end.isPending}
          error={end.error}
          onCancel={ending.close}
          onConfirm={() => ending.target && end.mutate(ending.target.id, { onSuccess: ending.close })}
        />
      )}
    </Panel>
  )
}
