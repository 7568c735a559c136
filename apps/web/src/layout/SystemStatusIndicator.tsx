import { Link } from 'react-router'
import { useHealth } from '../api/queries.ts'
import { StatusIcon } from '../components/StatusIcon.tsx'
import { systemStatus } from '../lib/system-status.ts'
import { HEADER_PILL } from './header-pill.ts'

/**
 * The header's one-glance health of the services (API, database, Redis, worker), from `/api/health`
 * (public, so it works before signing in too); `linked` makes it a link to the details in Settings.
 * The gateways have their own pill (`FleetStatusIndicator`).
 */
export function SystemStatusIndicator({ linked = true }: { linked?: boolean }) {
  const health = useHealth()
  const status = systemStatus(health)
  const content = (
    <>
      <StatusIcon tone={status.tone} pulse={status.alarming} />
      <span aria-live="polite">
        {status.short ? (
          <>
            <span className="sm:hidden">{status.short}</span>
            <span className="hidden sm:inline">{status.label}</span>
          </>
        ) : (
          status.label
        )}
      </span>
    </>
  )
  if (!linked) {
    return (
      <div data-testid="system-status" data-tone={status.tone} title={status.label} className={HEADER_PILL}>
        {content}
      </div>
    )
  }
  return (
    <Link
      to="/settings/system"
      data-testid="system-status"
      data-tone={status.tone}
      title={`${status.label}: details in Settings`}
      className={`${HEADER_PILL} hover:text-foreground`}
    >
      {content}
    </Link>
  )
}
