import type { Probe } from '@mc/shared'
import { STRIP_PROBES } from '../../api/gateway-probes.ts'
import { TONE_LOOK } from '../../components/StatusIcon.tsx'
import { cx } from '../../lib/class-names.ts'
import { GATEWAY_STATUS_TONE, summarizeStatuses } from '../../lib/gateway-status.ts'
import { formatDateTime } from '../../lib/time.ts'

/**
 * Each status also has its own height, so the strip reads without telling colours apart: a full
 * tick is a good probe, and the worse the outcome, the shorter the tick.
 */
const TICK_HEIGHT: Record<Probe['status'], string> = {
  online: 'h-full',
  timeout: 'h-3/4',
  error: 'h-1/2',
  offline: 'h-1/4',
}

function describeProbe(probe: Probe): string {
  const parts: string[] = [probe.status]
  if (probe.latency !== null) parts.push(`${probe.latency} ms`)
  parts.push(formatDateTime(probe.probed_at))
  if (probe.error) parts.push(probe.error)
  return parts.join(' · ')
}

interface ProbeStripProps {
  /** Newest first, as the API sends them; at most `STRIP_PROBES` are shown. */
  probes: readonly Probe[] | undefined
  className?: string
}

/**
 * The latest probes as ticks in their status' colour and height, oldest left and newest right, each
 * with its status, latency, time and error on hover. Slots not filled yet (a new gateway, or still loading) stay grey.
 */
export function ProbeStrip({ probes, className }: ProbeStripProps) {
  const shown = (probes ?? []).slice(0, STRIP_PROBES).reverse()
  const label = probes
    ? `Last ${shown.length} probes: ${summarizeStatuses(shown.map((probe) => probe.status))}`
    : 'Loading probes'
  return (
    <div
      role="img"
      aria-label={label}
      data-testid="probe-strip"
      className={cx('flex h-4 items-end gap-0.5', className)}
    >
      {Array.from({ length: STRIP_PROBES - shown.length }, (_, slot) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: empty slots have nothing else to tell apart
        <span key={`empty-${slot}`} className="h-full w-1.5 rounded-sm bg-muted" />
      ))}
      {shown.map((probe) => (
        <span
          key={probe.id}
          data-status={probe.status}
          title={describeProbe(probe)}
          className={cx(
            'w-1.5 rounded-sm',
            TICK_HEIGHT[probe.status],
            TONE_LOOK[GATEWAY_STATUS_TONE[probe.status]].background,
          )}
        />
      ))}
    </div>
  )
}
