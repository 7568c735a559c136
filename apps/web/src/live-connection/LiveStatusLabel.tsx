import { StatusIcon } from '../components/StatusIcon.tsx'
import { cx } from '../lib/class-names.ts'
import { LIVE_STATUS_LOOK, type LiveStatus } from './connection-view.ts'

interface LiveStatusLabelProps {
  status: LiveStatus
  size?: 'sm' | 'md'
  className?: string
}

/**
 * The live connection's mark and words, the same in the header, on the gateway's card and in the
 * Current connection box; `data-status` carries the status for tests and styles.
 */
export function LiveStatusLabel({ status, size = 'sm', className }: LiveStatusLabelProps) {
  const look = LIVE_STATUS_LOOK[status]
  return (
    <span
      data-field="live-status"
      data-status={status}
      className={cx('inline-flex items-center gap-1.5 whitespace-nowrap', className)}
    >
      <StatusIcon tone={look.tone} pulse={look.pulse} size={size} />
      {look.label}
    </span>
  )
}
