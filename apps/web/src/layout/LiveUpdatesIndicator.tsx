import { StatusDot, type StatusTone } from '../components/StatusDot.tsx'
import { type StreamStatus, useStreamStatus } from '../live-events/stream-status.ts'

const VIEW: Record<StreamStatus, { tone: StatusTone; label: string; title: string }> = {
  live: { tone: 'ok', label: 'Live', title: 'Views update as things happen' },
  connecting: {
    tone: 'warn',
    label: 'Connecting…',
    title: 'The live update stream is reconnecting; views poll the API meanwhile',
  },
  down: {
    tone: 'error',
    label: 'Polling',
    title: 'Live updates are unavailable; views poll the API every few seconds',
  },
}

/** The live event stream's state in the header: views patch themselves while it is live and poll when not. */
export function LiveUpdatesIndicator() {
  const status = useStreamStatus()
  const view = VIEW[status]
  return (
    <div
      data-testid="live-updates"
      data-state={status}
      title={view.title}
      className="flex items-center gap-2 rounded-md border bg-card px-2.5 py-1 text-muted-foreground text-xs"
    >
      <StatusDot tone={view.tone} pulse={status === 'down'} />
      <span aria-live="polite">{view.label}</span>
    </div>
  )
}
