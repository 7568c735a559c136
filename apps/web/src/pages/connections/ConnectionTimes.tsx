import type { DirectConnection } from '@mc/shared'
import { disconnectReasonLabel, type HeartbeatState } from '../../lib/connection-status.ts'
import { formatAge, formatDateTime } from '../../lib/time.ts'

interface ConnectionTimesProps {
  connection: DirectConnection
  state: HeartbeatState
  now: number
}

function At({ label, at, now, field }: { label: string; at: number | null; now: number; field: string }) {
  return (
    <span data-field={field} title={at === null ? undefined : formatDateTime(at)}>
      {label}: {at === null ? 'none yet' : formatAge(now - at)}
    </span>
  )
}

/** The connection's clock: last heartbeat (late or expiring in amber), registered, and how it closed. */
export function ConnectionTimes({ connection, state, now }: ConnectionTimesProps) {
  return (
    <div className="mt-1.5 flex flex-wrap items-center gap-x-4 gap-y-1 text-muted-foreground text-xs">
      <At label="Last heartbeat" at={connection.last_heartbeat} now={now} field="last-heartbeat" />
      {state === 'late' && (
        <span
          data-field="late"
          className="text-amber-400"
          title={`No heartbeat for over 30 s; the connection closes at ${formatDateTime(connection.expires_at)}`}
        >
          late: expires in {Math.max(0, Math.ceil(connection.expires_at - now))} s
        </span>
      )}
      {state === 'expiring' && (
        <span
          data-field="late"
          className="text-amber-400"
          title="Past its expiry; the worker closes it shortly"
        >
          expired, closing…
        </span>
      )}
      <At label="Connected" at={connection.created_at} now={now} field="connected" />
      {connection.status === 'disconnected' && (
        <span data-field="closed">
          Disconnected{' '}
          {connection.disconnected_at === null ? '' : formatAge(now - connection.disconnected_at)}:{' '}
          {disconnectReasonLabel(connection.disconnect_reason)}
        </span>
      )}
    </div>
  )
}
