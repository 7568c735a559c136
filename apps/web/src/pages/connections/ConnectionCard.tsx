import type { DirectConnection } from '@mc/shared'
import { Link } from 'react-router'
import { Badge, type BadgeVariant } from '../../components/Badge.tsx'
import { Button } from '../../components/Button.tsx'
import { JsonDetails } from '../../components/JsonDetails.tsx'
import { StatusIcon, type StatusTone } from '../../components/StatusIcon.tsx'
import { type HeartbeatState, heartbeatState, parseMetadata } from '../../lib/connection-status.ts'
import { formatDateTime } from '../../lib/time.ts'
import { ConnectionTimes } from './ConnectionTimes.tsx'

const TONE: Record<HeartbeatState, StatusTone> = {
  live: 'ok',
  late: 'warn',
  expiring: 'warn',
  closed: 'unknown',
}

interface ConnectionCardProps {
  connection: DirectConnection
  /** Unix seconds, ticking, for the ages. */
  now: number
  /** Operators get an End connection button on open connections. */
  onEnd?: (connection: DirectConnection) => void
}

// The badge follows the heartbeat, as the icon and the times do: one state, not two.
const BADGE: Record<HeartbeatState, { variant: BadgeVariant; label: string }> = {
  live: { variant: 'success', label: 'Connected' },
  late: { variant: 'warning', label: 'Late' },
  expiring: { variant: 'warning', label: 'Expiring' },
  closed: { variant: 'neutral', label: 'Disconnected' },
}

/** The seed's DirectConnectionCard: who, with which tool, how fresh its heartbeat is, and its metadata. */
export function ConnectionCard({ connection, now, onEnd }: ConnectionCardProps) {
  const state = heartbeatState(connection, now)
  const open = connection.status === 'connected'
  const metadata = parseMetadata(connection.metadata)
  return (
    <article
      aria-label={`${connection.agent_name} · ${connection.tool_name}`}
      data-connection={connection.connection_id}
      data-status={connection.status}
      data-heartbeat={state}
      className="rounded-lg border bg-card p-3.5"
    >
      <div className="flex flex-wrap items-center justify-between gap-x-3 gap-y-2">
        <div className="flex min-w-0 flex-wrap items-center gap-2">
          <StatusIcon tone={TONE[state]} label={`Heartbeat: ${state}`} />
          <h3 className="min-w-0 truncate font-semibold text-sm">
            <Link to={`/agents/${connection.agent_id}`} className="hover:text-primary hover:underline">
              {connection.agent_name}
            </Link>
          </h3>
          <span className="font-mono text-muted-foreground text-xs" data-field="tool">
            {connection.tool_name}
            {connection.tool_version && ` ${connection.tool_version}`}
          </span>
          <Badge variant={BADGE[state].variant}>{BADGE[state].label}</Badge>
          <span className="text-2xs text-muted-foreground" data-field="role">
            role: {connection.agent_role}
          </span>
        </div>
        {open && onEnd && (
          <Button className="h-7" onClick={() => onEnd(connection)}>
            End connection
          </Button>
        )}
      </div>
      <ConnectionTimes connection={connection} state={state} now={now} />
      <div className="mt-1.5 flex min-w-0 items-start gap-3 text-2xs">
        <span
          className="shrink-0 font-mono text-muted-foreground"
          title={`Registered ${formatDateTime(connection.created_at)}`}
        >
          {connection.connection_id}
        </span>
        {metadata !== null && <JsonDetails value={metadata} previewLength={80} className="flex-1" />}
      </div>
    </article>
  )
}
