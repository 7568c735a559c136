import type { Incident } from '@mc/shared'
import { type IncidentAction, useIncidentAction } from '../../api/incidents.ts'
import { useRole } from '../../auth/use-role.ts'
import { Alert } from '../../components/Alert.tsx'
import { Button } from '../../components/Button.tsx'
import { errorMessage } from '../../lib/error-message.ts'

const LABELS: Record<IncidentAction, { idle: string; pending: string }> = {
  acknowledge: { idle: 'Acknowledge', pending: 'Acknowledging…' },
  resolve: { idle: 'Resolve', pending: 'Resolving…' },
}

/** Acknowledge (stops repeats) and Resolve for operators; nothing for viewers or resolved incidents. */
export function IncidentActions({ incident }: { incident: Incident }) {
  const { can } = useRole()
  const action = useIncidentAction()
  if (!can('operator') || incident.status === 'resolved') return null
  // An acknowledged incident can still be resolved, but not acknowledged again.
  const shown: IncidentAction[] = incident.status === 'open' ? ['acknowledge', 'resolve'] : ['resolve']
  const running = (kind: IncidentAction) => action.isPending && action.variables?.action === kind
  return (
    <div className="flex flex-wrap items-center gap-1.5">
      {shown.map((kind) => (
        <Button
          key={kind}
          className="h-7"
          data-action={kind}
          disabled={action.isPending}
          onClick={() => action.mutate({ id: incident.id, action: kind })}
        >
          {running(kind) ? LABELS[kind].pending : LABELS[kind].idle}
        </Button>
      ))}
      {action.isError && (
        <Alert className="w-full" onDismiss={action.reset}>
          {errorMessage(action.error)}
        </Alert>
      )}
    </div>
  )
}
