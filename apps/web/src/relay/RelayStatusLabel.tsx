import { StatusIcon } from '../components/StatusIcon.tsx'
import { cx } from '../lib/class-names.ts'
import { RELAY_STATUS_LOOK, type RelayStatus } from './relay-status.ts'

interface RelayStatusLabelProps {
  status: RelayStatus
  size?: 'sm' | 'md'
  className?: string
}

/**
 * The relay's mark and words, the same in the header, on the gateway's card and in the
 * Current connection box; `data-status` carries the status for tests and styles.
 */
export function RelayStatusLabel({ status, size = 'sm', className }: RelayStatusLabelProps) {
  const look = RELAY_STATUS_LOOK[status]
  return (
    <span
      data-field="relay-status"
      data-status={status}
      className={cx('inline-flex items-center gap-1.5 whitespace-nowrap', className)}
    >
      <StatusIcon tone={look.tone} pulse={look.pulse} size={size} />
      {look.label}
    </span>
  )
}
