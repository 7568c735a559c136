import type { GatewayStatus } from '@mc/shared'
import { StatusIcon } from '../../components/StatusIcon.tsx'
import { cx } from '../../lib/class-names.ts'
import { GATEWAY_STATUS_TEXT, GATEWAY_STATUS_TONE } from '../../lib/gateway-status.ts'

/** The status mark before a gateway's name; read out as "Status: online". */
export function GatewayStatusIcon({ status }: { status: GatewayStatus }) {
  return <StatusIcon tone={GATEWAY_STATUS_TONE[status]} size="md" label={`Status: ${status}`} />
}

/** The status in words, in its mark's colour: "online", "timeout", "error"… */
export function GatewayStatusLabel({ status, className }: { status: GatewayStatus; className?: string }) {
  return (
    <span
      data-field="status"
      className={cx('font-medium text-2xs uppercase tracking-wide', GATEWAY_STATUS_TEXT[status], className)}
    >
      {status}
    </span>
  )
}
