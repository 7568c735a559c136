import type { Incident } from '@mc/shared'
import { type IncidentAction, useIncidentAction } from '../../api/incidents.ts'
import { useRole } from '../../auth/use-role.ts'
import { Alert } from '../../components/Alert.tsx'
import { Button } from '../../components/Button.tsx'
import { errorMessage } from '../../lib/error-message.ts'

/** Acknowledge (stops repeats) and Resolve for operators; nothing for viewers or resolved incidents. */
export function IncidentActions({ incident }: { incident: Incident }) {
  const { can } = useRole()
  const action = useIncidentAction()
  if (!can('operator') || incident.status === 'resolved') return null
  const run = (kind: IncidentAction) => action.mutate({ id: incident.id, action: kind })
  const running = (kind: IncidentAction) => action.isPending && action.variables?.action === kind
  return (
    <div className="flex flex-wrap items-center gap-1.5">
      {incident.status === 'open' && (
        <Button
          className="h-7"
          data-action="acknowledge"
          disabled={action.isPending}
          onClick={() => run('acknowledge')}
        >
          {running('acknowledge') ? 'Acknowledging…' : 'Acknowledge'}
        </Button>
      )}
      <Button
        className="h-7"
        data-action="resolve"
        disabled={action.isPending}
        onClick={() => run('resolve')}
      >
        {running('resolve') ? 'Resolving…' : 'Resolve'}
      </Button>
      {action.isError && (
        <Alert className="w-full" onDismiss={action.reset}>
          {errorMessage(action.error)}
        </Alert>
      )}
    </div>
  )
}
