import { Link } from 'react-router'
import { useHealth } from '../api/queries.ts'
import { StatusDot } from '../components/StatusDot.tsx'
import { systemStatus } from '../lib/system-status.ts'

const CLASSES =
  'flex items-center gap-2 rounded-md border bg-card px-2.5 py-1 text-muted-foreground text-xs transition-colors'

/**
 * The header's one-glance health of the whole system, from `/api/health` (public, so it works before
 * signing in too); `linked` makes it a link to the details in Settings.
 */
export function SystemStatusIndicator({ linked = true }: { linked?: boolean }) {
  const health = useHealth()
  const status = systemStatus(health)
  const content = (
    <>
      <StatusDot tone={status.tone} pulse={status.alarming} />
      <span aria-live="polite">{status.label}</span>
    </>
  )
  if (!linked) {
    return (
      <div data-testid="system-status" data-tone={status.tone} className={CLASSES}>
        {content}
      </div>
    )
  }
  return (
    <Link
      to="/settings/system"
      data-testid="system-status"
      data-tone={status.tone}
      title="System status: details in Settings"
      className={`${CLASSES} hover:text-foreground`}
    >
      {content}
    </Link>
  )
}
