import type { TooltipContentProps } from 'recharts'
import { GATEWAY_STATUS_TEXT } from '../../../lib/gateway-status.ts'
import type { LatencyPoint } from '../../../lib/latency-series.ts'
import { formatDateTime } from '../../../lib/time.ts'

/** The probe under the pointer: time, status, latency or error. */
export function LatencyTooltip({ active, payload }: Partial<TooltipContentProps<number, string>>) {
  const point = payload?.[0]?.payload as LatencyPoint | undefined
  if (!active || !point) return null
  return (
    <div className="max-w-xs rounded-md border bg-popover px-2.5 py-1.5 text-xs shadow-lg">
      <div className="text-muted-foreground">{formatDateTime(point.at)}</div>
      <div className="mt-0.5">
        <span className={GATEWAY_STATUS_TEXT[point.status]}>{point.status}</span>
        {point.latency !== null && <span> · {point.latency} ms</span>}
      </div>
      {point.error && (
        <div className="mt-0.5 break-words font-mono text-2xs text-muted-foreground">{point.error}</div>
      )}
    </div>
  )
}
