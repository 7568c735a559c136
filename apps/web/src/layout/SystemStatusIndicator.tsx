import { Link } from 'react-router'
import { useHealth } from '../api/queries.ts'
import { StatusDot } from '../components/StatusDot.tsx'
import { systemStatus } from '../lib/system-status.ts'

/** The header's one-glance health of the whole system, from `/api/health`; details in Settings. */
export function SystemStatusIndicator() {
  const health = useHealth()
  const status = systemStatus(health)
  return (
    <Link
      to="/settings"
      data-testid="system-status"
      data-tone={status.tone}
      title="System status: details in Settings"
      className="flex items-center gap-2 rounded-md border bg-card px-2.5 py-1 text-muted-foreground text-xs transition-colors hover:text-foreground"
    >
      <StatusDot tone={status.tone} pulse={status.alarming} />
      <span aria-live="polite">{status.label}</span>
    </Link>
  )
}
