import type { Probe } from '@mc/shared'
import { STRIP_PROBES } from '../../api/gateway-probes.ts'
import { TONE_BACKGROUND } from '../../components/StatusDot.tsx'
import { cx } from '../../lib/class-names.ts'
import { GATEWAY_STATUS_TONE, summarizeStatuses } from '../../lib/gateway-status.ts'
import { formatDateTime } from '../../lib/time.ts'

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
 * The latest probes as coloured ticks, oldest left and newest right, each with its status, latency,
 * time and error on hover. Slots not filled yet (a new gateway, or still loading) stay grey.
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
      className={cx('flex h-4 items-stretch gap-0.5', className)}
    >
      {Array.from({ length: STRIP_PROBES - shown.length }, (_, slot) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: empty slots have nothing else to tell apart
        <span key={`empty-${slot}`} className="w-1.5 rounded-sm bg-muted" />
      ))}
      {shown.map((probe) => (
        <span
          key={probe.id}
          data-status={probe.status}
          title={describeProbe(probe)}
          className={cx('w-1.5 rounded-sm', TONE_BACKGROUND[GATEWAY_STATUS_TONE[probe.status]])}
        />
      ))}
    </div>
  )
}
