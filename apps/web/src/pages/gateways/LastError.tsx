import type { Gateway } from '@mc/shared'
import { cx } from '../../lib/class-names.ts'
import { GATEWAY_STATUS_TEXT } from '../../lib/gateway-status.ts'

/** Why the latest probe failed, in the status' colour; nothing while online or never probed. */
interface LastErrorProps {
  gateway: Gateway
  /** Show it whole (the gateway's page) instead of on one line with the rest on hover (a card). */
  wrap?: boolean
  className?: string
}

export function LastError({ gateway, wrap = false, className }: LastErrorProps) {
  const failing = gateway.status !== 'online' && gateway.status !== 'unknown'
  if (!failing || !gateway.last_error) return null
  return (
    <p
      data-field="last-error"
      title={wrap ? undefined : gateway.last_error}
      className={cx(
        'font-mono text-xs',
        wrap ? 'break-words' : 'truncate',
        GATEWAY_STATUS_TEXT[gateway.status],
        className,
      )}
    >
      {gateway.last_error}
    </p>
  )
}
