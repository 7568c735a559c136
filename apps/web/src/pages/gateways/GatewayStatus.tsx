import type { GatewayStatus } from '@mc/shared'
import { StatusDot } from '../../components/StatusDot.tsx'
import { cx } from '../../lib/class-names.ts'
import { GATEWAY_STATUS_TEXT, GATEWAY_STATUS_TONE } from '../../lib/gateway-status.ts'

/** The seed's status dot before a gateway's name; read out as "Status: online". */
export function GatewayStatusDot({ status }: { status: GatewayStatus }) {
  return <StatusDot tone={GATEWAY_STATUS_TONE[status]} size="md" label={`Status: ${status}`} />
}

/** The status in words, in its dot's colour: "online", "timeout", "error"… */
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
