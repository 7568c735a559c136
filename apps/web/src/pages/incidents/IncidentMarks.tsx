import type { AlertSeverity, IncidentStatus } from '@mc/shared'
import { Badge, type BadgeVariant } from '../../components/Badge.tsx'
import { StatusIcon, type StatusTone } from '../../components/StatusIcon.tsx'

const SEVERITY_TONE: Record<AlertSeverity, StatusTone> = {
  critical: 'error',
  warning: 'warn',
  info: 'pending',
}
const STATUS_VARIANT: Record<IncidentStatus, BadgeVariant> = {
  open: 'danger',
  acknowledged: 'warning',
  resolved: 'success',
}

/** A severity's mark: red square for critical, amber triangle for a warning, blue ring for news. */
export function SeverityIcon({ severity }: { severity: AlertSeverity }) {
  return <StatusIcon tone={SEVERITY_TONE[severity]} size="md" label={`Severity: ${severity}`} />
}

export function IncidentStatusBadge({ status }: { status: IncidentStatus }) {
  return <Badge variant={STATUS_VARIANT[status]}>{status}</Badge>
}

/** Opened while its gateway was in maintenance: recorded, nobody told (yet). */
export function MaintenanceBadge() {
  return <Badge variant="neutral">in maintenance</Badge>
}
