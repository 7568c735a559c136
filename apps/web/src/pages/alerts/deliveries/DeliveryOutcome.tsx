import type { AlertDelivery } from '@mc/shared'
import { StatusIcon } from '../../../components/StatusIcon.tsx'

/** "Delivered · HTTP 200 · 35 ms" or "Failed · HTTP 500: <error>": how one attempt went. */
export function DeliveryOutcome({ delivery }: { delivery: AlertDelivery }) {
  // An HTTP status, or an SMTP server's reply code.
  const code = delivery.status_code === null ? null : `status ${delivery.status_code}`
  return (
    <span
      data-testid="delivery-outcome"
      data-ok={delivery.ok}
      className="inline-flex min-w-0 items-center gap-1"
    >
      <StatusIcon tone={delivery.ok ? 'ok' : 'error'} />
      <span className={delivery.ok ? 'text-green-400' : 'text-red-400'}>
        {delivery.ok ? 'Delivered' : 'Failed'}
      </span>
      {code && <span className="text-muted-foreground">{` · ${code}`}</span>}
      <span className="text-muted-foreground">{` · ${delivery.duration_ms} ms`}</span>
      {delivery.error && (
        <span className="truncate text-red-400" title={delivery.error}>
          {` · ${delivery.error}`}
        </span>
      )}
    </span>
  )
}
